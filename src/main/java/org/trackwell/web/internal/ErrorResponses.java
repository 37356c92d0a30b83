package org.trackwell.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.trackwell.shared.LogSafe;
import org.trackwell.shared.Refusal;

/** The one mapping from exceptions to responses. */
@ControllerAdvice
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    @ExceptionHandler(Refusal.class)
    Object refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response) {
        refusal.headers().forEach(response::setHeader);
        return new Problem(refusal.status(), refusal.title(), refusal.getMessage(), refusal.details())
                .respond(request, request.getRequestURI());
    }

    @ExceptionHandler(BindException.class)
    Object invalid(BindException invalid, HttpServletRequest request) {
        List<String> errors = invalid.getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .toList();
        return new Problem(400, "Invalid request", "Some fields are not valid.", errors)
                .respond(request, request.getRequestURI());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void handledBySecurity(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    Object failed(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known && known.getStatusCode().value() < 500) {
            return Problem.ofStatus(known.getStatusCode().value()).respond(request, request.getRequestURI());
        }
        if (e instanceof org.springframework.beans.TypeMismatchException) {
            return Problem.of(400, "A value in the request is not of the expected kind.")
                    .respond(request, request.getRequestURI());
        }
        if (e instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            return Problem.of(400, "The request body is not valid JSON of the expected shape.")
                    .respond(request, request.getRequestURI());
        }
        log.error("Request failed: {} {}", request.getMethod(), LogSafe.of(request.getRequestURI()), e);
        return Problem.ofStatus(500).respond(request, request.getRequestURI());
    }
}
