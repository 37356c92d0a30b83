package org.trackwell.outcomes;

/** What happened to a session; none yet while it is only planned. */
public enum Attendance {
    ATTENDED,
    DID_NOT_ATTEND,
    CANCELLED_BY_CLIENT,
    CANCELLED_BY_SERVICE
}
