package org.trackwell.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who did something: a user (by id and roles), a service account (by id and scopes), the operator,
 * the system, or nobody signed in.
 */
public record Actor(
        Type type, @Nullable String id, @Nullable String role) {

    public enum Type {
        USER,
        OPERATOR,
        SYSTEM,
        ANONYMOUS,
        SERVICE_ACCOUNT
    }

    public static Actor user(String id, String roles) {
        return new Actor(Type.USER, id, roles);
    }

    public static Actor operator() {
        return new Actor(Type.OPERATOR, null, null);
    }

    public static Actor system() {
        return new Actor(Type.SYSTEM, null, null);
    }

    public static Actor anonymous() {
        return new Actor(Type.ANONYMOUS, null, null);
    }
}
