package org.trackwell.web.internal;

import org.apache.catalina.valves.ErrorReportValve;

/** Tomcat's last-resort error page, for requests that never reach the application: no version, no report. */
public class QuietErrorReportValve extends ErrorReportValve {

    public QuietErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }
}
