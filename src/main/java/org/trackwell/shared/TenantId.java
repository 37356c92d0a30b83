package org.trackwell.shared;

import java.util.UUID;

public record TenantId(UUID value) {

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
