package org.trackwell.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form that asks for confirmation in a dialog ({@code shared.Confirmation}) sends its first post
 * through htmx into the dialog. When that post needs no confirmation and acts at once, its redirect
 * must move the whole page, not fill the dialog: htmx is told to go there instead ({@code
 * HX-Redirect}), and the page shows the action's message as after any form.
 */
@Component
class ConfirmDialogRedirects extends OncePerRequestFilter {

    static final String DIALOG = "confirm-dialog";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !DIALOG.equals(request.getHeader("HX-Target"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) {
                setHeader("HX-Redirect", location);
                setStatus(HttpServletResponse.SC_OK);
            }
        });
    }
}
