package org.trackwell.clients.web;

import org.jspecify.annotations.Nullable;
import org.trackwell.clients.internal.Identifiers;

/**
 * A client's identifying details as the API shows and takes them, each present only where the
 * tenant has switched it on.
 */
record IdentifiersView(
        @Nullable String name,
        @Nullable String dateOfBirth,
        @Nullable String nhsNumber,
        @Nullable String address,
        @Nullable String email,
        @Nullable String phone) {

    static IdentifiersView of(Identifiers identifiers) {
        return new IdentifiersView(
                identifiers.name(),
                identifiers.dateOfBirth(),
                identifiers.nhsNumber(),
                identifiers.address(),
                identifiers.email(),
                identifiers.phone());
    }

    Identifiers toIdentifiers() {
        return new Identifiers(name, dateOfBirth, nhsNumber, address, email, phone);
    }

    @Override
    public String toString() {
        return "IdentifiersView[***]";
    }
}
