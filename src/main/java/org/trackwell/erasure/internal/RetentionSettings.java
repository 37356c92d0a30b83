package org.trackwell.erasure.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long the tenant keeps client records: adults' for some years after the last contact,
 * children's until a birthday (one year more for someone 17 at the last contact); and whether the
 * daily job files erasure requests by itself (off by default; a second admin still approves them).
 */
public record RetentionSettings(int adultYears, int childUntilAge, boolean automatic) {

    public static RetentionSettings defaults() {
        return new RetentionSettings(8, 25, false);
    }

    Map<String, String> asSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("adult-years", String.valueOf(adultYears));
        settings.put("child-until-age", String.valueOf(childUntilAge));
        settings.put("automatic", String.valueOf(automatic));
        return settings;
    }
}
