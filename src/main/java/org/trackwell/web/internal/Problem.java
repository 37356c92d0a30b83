package org.trackwell.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * One error, said once: as an RFC 9457 problem for the API and as the friendly error page for
 * people. Neither ever carries a stack trace, SQL, a class name or a version.
 */
record Problem(int status, String title, String detail, List<String> errors) {

    static Problem of(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return new Problem(status, title, detail, List.of());
    }

    static Problem ofStatus(int status) {
        return of(status, defaultDetail(status));
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    Object respond(HttpServletRequest request, String path) {
        return isApi(path) ? asProblemDetail(path) : asPage(request);
    }

    ResponseEntity<ProblemDetail> asProblemDetail(String path) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setTitle(title);
        body.setDetail(detail);
        body.setInstance(URI.create(path));
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /**
     * The error page keeps the layout (the service's name, and the menu for someone signed in),
     * which an error answered outside a handler does not get from {@link LayoutModel} by itself.
     */
    ModelAndView asPage(HttpServletRequest request) {
        ModelAndView page = new ModelAndView("error", HttpStatus.valueOf(status));
        page.addObject("tenantName", LayoutModel.tenantNameOf(request));
        page.addObject("me", LayoutModel.signedInUser(request));
        page.addObject("next", whatToDoNext(status));
        page.addObject("status", status);
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.addObject("errors", errors);
        return page;
    }

    private static String whatToDoNext(int status) {
        return switch (status) {
            case 400, 413, 415 -> "Go back, check what you entered, and try again.";
            case 401 -> "Sign in, then try again.";
            case 403 -> "If your work needs this, ask your service's administrator to give you access.";
            case 404, 405 -> "Check the address, or start again from the home page.";
            case 410 -> "If you need something it held, ask the organisation that ran it.";
            case 429 -> "Wait a minute before you try again.";
            default ->
                status >= 500
                        ? "Try again in a few minutes. If it keeps happening, tell your service's administrator when it"
                                + " happened and what you were doing."
                        : "Start again from the home page.";
        };
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood.";
            case 401 -> "Please sign in.";
            case 403 -> "You do not have access to this.";
            case 404 -> "There is nothing here.";
            case 405 -> "That action is not available here.";
            case 413 -> "The request is too large.";
            case 415 -> "That kind of content is not accepted here.";
            case 429 -> "Too many attempts. Please wait and try again.";
            case 505 -> "That version of HTTP is not supported.";
            default -> status >= 500 ? "Something went wrong on our side. Please try again." : "The request failed.";
        };
    }
}
