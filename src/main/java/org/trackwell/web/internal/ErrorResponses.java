package org.trackwell.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.ModelAndView;
import org.trackwell.database.DatabaseHealth;
import org.trackwell.shared.ConfirmItIsYou;
import org.trackwell.shared.LogSafe;
import org.trackwell.shared.Refusal;

/** The one mapping from exceptions to responses. */
@ControllerAdvice
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    @ExceptionHandler(Refusal.class)
    Object refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response) {
        refusal.headers().forEach(response::setHeader);
        if (refusal instanceof ConfirmItIsYou && !Problem.isApi(request.getRequestURI())) {
            return new ModelAndView("redirect:/account/confirm?next=" + afterConfirming(request));
        }
        return new Problem(
                        refusal.status(),
                        refusal.title(),
                        Objects.requireNonNull(refusal.getMessage(), "a refusal always says why"),
                        refusal.details())
                .respond(request, request.getRequestURI());
    }

    /** Where to go once the user has confirmed: the page they asked for, or (after a form) the form's page. */
    private static String afterConfirming(HttpServletRequest request) {
        String target = "GET".equals(request.getMethod())
                ? request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
                : Optional.ofNullable(request.getHeader("Referer"))
                        .flatMap(ErrorResponses::localPart)
                        .orElse("/");
        return URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    private static Optional<String> localPart(String referer) {
        try {
            URI uri = new URI(referer);
            return Optional.ofNullable(uri.getRawPath())
                    .map(path -> path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
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
    Object failed(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (DatabaseHealth.isOutage(e)) {
            log.warn("Database out of reach during {} {}", request.getMethod(), LogSafe.of(request.getRequestURI()));
            response.setHeader("Retry-After", DatabaseOutageFilter.RETRY_AFTER_SECONDS);
            return Problem.of(503, "The service cannot reach its database just now. Please try again in a few seconds.")
                    .respond(request, request.getRequestURI());
        }
        Problem problem = switch (e) {
            case HttpMessageNotReadableException unreadable -> RequestRefusals.unreadableBody(unreadable);
            case TypeMismatchException mismatch -> RequestRefusals.mismatchedValue(mismatch);
            case MissingServletRequestParameterException missing -> RequestRefusals.missingValue(missing);
            case HandlerMethodValidationException outOfBounds -> RequestRefusals.outOfBounds(outOfBounds);
            case ErrorResponse known
            when known.getStatusCode().value() < 500 ->
                Problem.ofStatus(known.getStatusCode().value());
            default -> null;
        };
        if (problem != null) {
            return problem.respond(request, request.getRequestURI());
        }
        Optional<Problem> refusedByDatabase = RequestRefusals.refusedByDatabase(e);
        if (refusedByDatabase.isPresent()) {
            log.warn("The database refused a value in {} {}", request.getMethod(), LogSafe.of(request.getRequestURI()));
            return refusedByDatabase.get().respond(request, request.getRequestURI());
        }
        log.error("Request failed: {} {}", request.getMethod(), LogSafe.of(request.getRequestURI()), e);
        return Problem.ofStatus(500).respond(request, request.getRequestURI());
    }
}
