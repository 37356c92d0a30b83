package org.trackwell.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.ServiceTimeZone;

/**
 * The one way pages show dates and times: UK style ("3 Dec 2026", "14:05"), in the service's time
 * zone. Templates call it as {@code ${@when.dateTime(x)}}; a missing value shows as nothing.
 */
@Component("when")
public class Dates {

    /** Outside a tenant (the operator's pages) there is no service, and times are the UK's. */
    private static final ZoneId OUTSIDE_TENANTS = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    /** The request's service time zone, read once per page however many times it shows. */
    private static final String ZONE_OF_REQUEST = Dates.class.getName() + ".zone";

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK);

    private final ServiceTimeZone zone;

    Dates(ServiceTimeZone zone) {
        this.zone = zone;
    }

    public String date(@Nullable TemporalAccessor value) {
        return format(value, DATE);
    }

    public String time(@Nullable TemporalAccessor value) {
        return format(value, TIME);
    }

    public String dateTime(@Nullable TemporalAccessor value) {
        return format(value, DATE_TIME);
    }

    /**
     * To the second, in UTC, for the audit trail, whose filters and exports are in UTC: "1 Dec 2026,
     * 13:05:09".
     */
    public String exactUtc(@Nullable Instant value) {
        return value == null ? "" : EXACT.format(value.atZone(ZoneOffset.UTC));
    }

    private String format(@Nullable TemporalAccessor value, DateTimeFormatter format) {
        return switch (value) {
            case null -> "";
            case Instant instant -> format.format(instant.atZone(zone()));
            case OffsetDateTime offset -> format.format(offset.atZoneSameInstant(zone()));
            case ZonedDateTime zoned -> format.format(zoned.withZoneSameInstant(zone()));
            case LocalDateTime local -> format.format(local);
            case LocalDate day when format != DATE -> DATE.format(day);
            default -> format.format(value);
        };
    }

    private ZoneId zone() {
        if (CurrentTenant.get().isEmpty()) {
            return OUTSIDE_TENANTS;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return zone.zone();
        }
        if (request.getAttribute(ZONE_OF_REQUEST, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId read) {
            return read;
        }
        ZoneId read = zone.zone();
        request.setAttribute(ZONE_OF_REQUEST, read, RequestAttributes.SCOPE_REQUEST);
        return read;
    }
}
