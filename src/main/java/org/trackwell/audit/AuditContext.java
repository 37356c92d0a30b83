package org.trackwell.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting on this thread and from where: set for each request by {@link AuditRequestFilter}
 * and the authentication, for each operator command, and read by {@link AuditTrail}.
 */
public final class AuditContext {

    /** The request an entry belongs to; all entries of one request share its id. */
    public record Origin(
            @Nullable String requestId,
            @Nullable String address,
            @Nullable String userAgent) {

        public static final Origin NONE = new Origin(null, null, null);
    }

    private static final ThreadLocal<@Nullable Origin> ORIGIN = new ThreadLocal<>();
    private static final ThreadLocal<@Nullable Actor> ACTOR = new ThreadLocal<>();
    private static final ThreadLocal<@Nullable Boolean> RECORDED = new ThreadLocal<>();

    private AuditContext() {}

    public static void begin(Origin origin) {
        ORIGIN.set(origin);
        ACTOR.remove();
        RECORDED.remove();
    }

    public static void end() {
        ORIGIN.remove();
        ACTOR.remove();
        RECORDED.remove();
    }

    public static void actAs(Actor actor) {
        ACTOR.set(actor);
    }

    public static Actor actor() {
        Actor actor = ACTOR.get();
        return actor == null ? Actor.anonymous() : actor;
    }

    public static Origin origin() {
        Origin origin = ORIGIN.get();
        return origin == null ? Origin.NONE : origin;
    }

    static void markRecorded() {
        RECORDED.set(Boolean.TRUE);
    }

    static boolean recorded() {
        return Boolean.TRUE.equals(RECORDED.get());
    }
}
