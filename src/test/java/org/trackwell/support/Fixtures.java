package org.trackwell.support;

import java.util.UUID;

public final class Fixtures {

    private Fixtures() {}

    /** A slug no other test uses, so tests can share one database. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
