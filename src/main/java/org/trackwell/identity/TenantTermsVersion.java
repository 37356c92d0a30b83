package org.trackwell.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A version of a tenant's own terms of use. Version 1 is Trackwell's default terms, which every
 * tenant starts with ({@code publishedAt} and {@code publishedBy} absent); the tenant's admins
 * publish 2, 3 and so on.
 */
public record TenantTermsVersion(
        int version,
        String text,
        @Nullable Instant publishedAt,
        @Nullable String publishedBy) {

    public static final int DEFAULT_VERSION = 1;

    public boolean trackwellDefault() {
        return version == DEFAULT_VERSION;
    }

    /** How the API and the acceptance form name it, apart from the operator's versions. */
    public String label() {
        return label(version);
    }

    public static String label(int version) {
        return "service-" + version;
    }
}
