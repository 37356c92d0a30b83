package org.trackwell.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Lets a filter end a request with an error whose detail is written for the user. */
public final class ErrorDetail {

    private static final String ATTRIBUTE = ErrorDetail.class.getName();

    private ErrorDetail() {}

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        request.setAttribute(ATTRIBUTE, detail);
        response.sendError(status);
    }

    public static Optional<String> of(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
    }
}
