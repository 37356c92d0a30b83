package org.trackwell.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.trackwell.shared.ErrorDetail;

/** Errors raised outside controllers (filters, security, the container) get the same two faces. */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // Asked for directly rather than forwarded to with an error, this is a page like any other that is not there.
        int code = status instanceof Integer value ? value : 404;
        Problem problem =
                ErrorDetail.of(request).map(detail -> Problem.of(code, detail)).orElseGet(() -> Problem.ofStatus(code));
        return problem.respond(request, path instanceof String value ? value : "/");
    }
}
