package org.trackwell.monitoring;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The suspicious-activity rules a tenant's admins can tune (docs/monitoring.md). A rule with a
 * threshold fires when one person or address reaches it within its window; the others fire on
 * every entry of their kind. The rules of the installation (operators) are set in
 * {@link MonitoringProperties}.
 */
public enum ActivityRule {
    FAILED_SIGN_INS_FOR_ACCOUNT(
            "failed-sign-ins-account",
            "Failed sign-ins for one account",
            "Someone keeps typing the wrong password for one person's account: a guess at it, or a"
                    + " person who has forgotten it. Fires at this many failures within the window.",
            5,
            15),
    FAILED_SIGN_INS_FROM_ADDRESS(
            "failed-sign-ins-address",
            "Failed sign-ins from one address",
            "Many failed sign-ins come from one network address, for any accounts: someone trying"
                    + " passwords across your staff. Fires at this many failures within the window.",
            10,
            15),
    LOCKS_AND_BLOCKS(
            "sign-in-locks",
            "Accounts locked and addresses blocked",
            "Trackwell locked an account, or blocked an address, after too many failed sign-ins.",
            null,
            null),
    MANY_CLIENT_RECORDS(
            "client-records",
            "One person opening many client records",
            "One person opens more different clients' records than their work usually needs: someone"
                    + " browsing records, or an account used by somebody else. Fires when one person"
                    + " opens more than this many different clients within the window.",
            20,
            10),
    EXPORTS(
            "exports",
            "Exports and printouts",
            "One person exports the audit trail or prints MAR charts many times: data leaving"
                    + " Trackwell in bulk. Fires at this many exports or printouts within the window.",
            3,
            60),
    OUTSIDE_WORKING_HOURS(
            "outside-hours",
            "Activity outside working hours",
            "Someone uses Trackwell outside the working days and hours set below. One alert per" + " person and day.",
            null,
            null),
    ADMIN_ROLE_GRANTED(
            "admin-granted",
            "Admin role given",
            "Someone was given the admin role, or invited as an admin: admins can change everything here.",
            null,
            null),
    SECOND_FACTOR_RESET(
            "mfa-reset",
            "Second factor reset",
            "An admin removed someone's authenticator app and passkeys: whoever knows their password"
                    + " can now sign in and set up a new one.",
            null,
            null),
    OPERATOR_ACTION(
            "operator-action",
            "The operator acting on this service",
            "The people who run the installation did something in this service.",
            null,
            null),
    KEY_OPERATION(
            "key-operation",
            "Encryption key operations",
            "The service's encryption keys were rotated or destroyed, or a client's key was destroyed"
                    + " (their data can no longer be opened).",
            null,
            null);

    public static final int MAX_THRESHOLD = 1000;

    /** How far back a window reaches at most; the rules read this much of the trail each minute. */
    public static final int MAX_WINDOW_MINUTES = 120;

    private final String slug;
    private final String title;
    private final String explanation;
    private final @Nullable Integer defaultThreshold;
    private final @Nullable Integer defaultWindowMinutes;

    ActivityRule(
            String slug,
            String title,
            String explanation,
            @Nullable Integer defaultThreshold,
            @Nullable Integer defaultWindowMinutes) {
        this.slug = slug;
        this.title = title;
        this.explanation = explanation;
        this.defaultThreshold = defaultThreshold;
        this.defaultWindowMinutes = defaultWindowMinutes;
    }

    /** The rule's name in alerts: {@code activity:<slug>}. */
    public String code() {
        return "activity:" + slug;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    /** Whether it has a threshold and window to tune, or fires on every entry of its kind. */
    public boolean counted() {
        return defaultThreshold != null;
    }

    public ActivityRuleSetting defaults() {
        return new ActivityRuleSetting(this, true, defaultThreshold, defaultWindowMinutes);
    }

    public static Optional<ActivityRule> bySlug(String slug) {
        return Arrays.stream(values()).filter(rule -> rule.slug.equals(slug)).findFirst();
    }
}
