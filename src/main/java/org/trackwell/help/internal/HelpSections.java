package org.trackwell.help.internal;

import java.util.Map;
import java.util.Optional;

/**
 * Which part of the help each page's help link opens: the page's route, as Spring maps it, to the
 * anchor of its section. HelpSectionsIT fails for a page without one, or an anchor the help lacks.
 */
public final class HelpSections {

    private static final Map<String, String> BY_ROUTE = Map.ofEntries(
            Map.entry("/", "home-and-signing-in"),
            Map.entry("/help", "home-and-signing-in"),
            Map.entry("/sign-in", "signing-in"),
            Map.entry("/account/forgot", "signing-in"),
            Map.entry("/account/reset", "signing-in"),
            Map.entry("/account/setup", "signing-in"),
            Map.entry("/account/confirm", "signing-in"),
            Map.entry("/account/password", "your-password"),
            Map.entry("/account/two-factor", "two-factor-sign-in"),
            Map.entry("/terms", "terms-of-use"),
            Map.entry("/clients", "caseload"),
            Map.entry("/clients/find", "finding-a-client"),
            Map.entry("/clients/new", "adding-a-client"),
            Map.entry("/clients/{code}", "the-client-record"),
            Map.entry("/clients/{code}/access", "who-has-seen-the-record"),
            Map.entry("/clients/{code}/identification", "identification-for-the-round"),
            Map.entry("/clients/{code}/outcomes", "outcomes"),
            Map.entry("/clients/{code}/summary", "the-client-summary"),
            Map.entry("/clients/{code}/sessions/{session}", "sessions"),
            Map.entry("/progress", "progress"),
            Map.entry("/clients/{code}/medication", "prescriptions"),
            Map.entry("/clients/{code}/medication/mar", "the-mar-chart"),
            Map.entry("/medication/round", "the-medication-round"),
            Map.entry("/medication/alerts", "medication-alerts"),
            Map.entry("/medication/medicines", "the-services-medicines"),
            Map.entry("/admin/measures", "managing-measures"),
            Map.entry("/admin/measures/new", "managing-measures"),
            Map.entry("/admin/settings", "settings"),
            Map.entry("/admin/settings/changes", "settings"),
            Map.entry("/admin/setup", "the-implementation-survey"),
            Map.entry("/admin/setup/summary", "the-implementation-survey"),
            Map.entry("/admin/settings/implementation-record", "the-implementation-survey"),
            Map.entry("/admin/settings/clients", "client-settings"),
            Map.entry("/admin/settings/modules", "modules-used"),
            Map.entry("/admin/settings/medication", "medication-settings"),
            Map.entry("/admin/settings/security-policy", "security-policy"),
            Map.entry("/admin/settings/terms", "your-services-terms"),
            Map.entry("/admin/medication/round-identification", "medication-settings"),
            Map.entry("/admin/users", "users-and-teams"),
            Map.entry("/admin/users/{id}", "users-and-teams"),
            Map.entry("/admin/alerts", "security-alerts"),
            Map.entry("/admin/activity-rules", "suspicious-activity-rules"),
            Map.entry("/admin/webhooks", "webhooks"),
            Map.entry("/admin/mail", "e-mail-not-delivered"),
            Map.entry("/clients/{code}/details", "the-client-record"),
            Map.entry("/admin/erasures", "erasing-a-client"),
            Map.entry("/admin/erasures/new", "erasing-a-client"),
            Map.entry("/admin/settings/erasure", "erasing-a-client"),
            Map.entry("/admin/retention", "retention"),
            Map.entry("/admin/settings/retention", "retention"),
            Map.entry("/reports/outcomes", "the-outcomes-report"),
            Map.entry("/reports/outcomes/episodes", "the-outcomes-report"),
            Map.entry("/reports/medication", "medication-reports"),
            Map.entry("/reports/medication/missed-doses", "medication-reports"),
            Map.entry("/reports/medication/as-needed", "medication-reports"),
            Map.entry("/reports/medication/prn-overrides", "medication-reports"),
            Map.entry("/reports/medication/controlled-drugs", "the-controlled-drug-register"),
            Map.entry("/reports/medication/stock-discrepancies", "stock-discrepancies"),
            Map.entry("/admin/settings/api-clients", "api-clients"),
            Map.entry("/admin/export", "taking-your-data-with-you"),
            Map.entry("/admin/subject-access", "subject-access-requests"),
            Map.entry("/admin/close", "closing-the-service"),
            Map.entry("/audit", "the-audit-trail"),
            Map.entry("/operator/sign-in", "signing-in-as-an-operator"),
            Map.entry("/operator/alerts", "installation-alerts"),
            Map.entry("/operator/health", "installation-health"),
            Map.entry("/c/{token}", "for-clients"),
            Map.entry("/p/{token}", "for-clients"));

    private HelpSections() {}

    public static Optional<String> forRoute(String route) {
        return Optional.ofNullable(BY_ROUTE.get(route));
    }
}
