package org.trackwell.clients.internal;

import org.jspecify.annotations.Nullable;

/** A client's identifying details, each present only where the tenant has switched it on. */
public record Identifiers(
        @Nullable String name,
        @Nullable String dateOfBirth,
        @Nullable String nhsNumber,
        @Nullable String address,
        @Nullable String email,
        @Nullable String phone) {

    public static Identifiers none() {
        return new Identifiers(null, null, null, null, null, null);
    }

    public @Nullable String get(Identifier identifier) {
        return switch (identifier) {
            case NAME -> name;
            case DATE_OF_BIRTH -> dateOfBirth;
            case NHS_NUMBER -> nhsNumber;
            case ADDRESS -> address;
            case EMAIL -> email;
            case PHONE -> phone;
        };
    }

    @Override
    public String toString() {
        return "Identifiers[***]";
    }
}
