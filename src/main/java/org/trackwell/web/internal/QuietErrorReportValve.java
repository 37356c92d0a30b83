package org.trackwell.web.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last resort, for errors raised before a request reaches the application: instead of
 * Tomcat's HTML page, the application's problem+json or error page (see {@link ContainerErrors}),
 * with the security headers every response carries.
 */
final class QuietErrorReportValve extends ErrorReportValve {

    private final ContainerErrors errors;

    QuietErrorReportValve(ContainerErrors errors) {
        this.errors = errors;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            ContainerErrors.Body body = errors.of(request, response);
            SecurityHeaders.writeTo(response);
            response.setContentType(body.contentType());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body.text());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGone) {
            // Nothing more can be sent.
        }
    }
}
