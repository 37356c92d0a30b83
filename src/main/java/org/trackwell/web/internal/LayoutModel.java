package org.trackwell.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.trackwell.identity.SignedInOperator;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.TokenAuthenticationFilter;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.TenantRequests;

/**
 * What every page's layout needs: the tenant's name and who is signed in. Added once a handler
 * has chosen a page to render, so the API's answers (no view) and redirects never pay for it; a
 * handler's own value of the same name stays.
 */
@Component
class LayoutModel implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView page) {
        if (page == null || !rendersPage(page)) {
            return;
        }
        ModelMap model = page.getModelMap();
        model.putIfAbsent("tenantName", tenantNameOf(request));
        model.putIfAbsent("me", signedInUser(request));
        model.putIfAbsent("operator", operator());
    }

    private static boolean rendersPage(ModelAndView page) {
        String name = page.getViewName();
        return name != null
                ? !name.startsWith("redirect:") && !name.startsWith("forward:")
                : !(page.getView() instanceof RedirectView);
    }

    /** Whether an operator is signed in: their pages' menu instead of a service's. */
    private static boolean operator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInOperator;
    }

    static @Nullable String tenantNameOf(HttpServletRequest request) {
        return TenantRequests.tenantOf(request).map(Tenant::displayName).orElse(null);
    }

    /** Who is signed in, also on an error page shown after the security filters have finished. */
    static @Nullable SignedInUser signedInUser(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return user;
        }
        return request.getAttribute(TokenAuthenticationFilter.SIGNED_IN_USER) instanceof SignedInUser user
                ? user
                : null;
    }
}
