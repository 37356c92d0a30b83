package org.trackwell.shared;

import java.time.ZoneId;

/**
 * The current tenant's time zone: the local time its people work in, for dates shown on pages and
 * in messages, times typed into forms, and working hours. One setting for every module (the
 * medication settings hold it today and provide this).
 */
public interface ServiceTimeZone {

    ZoneId zone();
}
