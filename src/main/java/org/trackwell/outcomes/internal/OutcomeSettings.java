package org.trackwell.outcomes.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a tenant measures outcomes.
 *
 * @param commercial whether the service charges for its work, which some measures' licences forbid
 * @param licensedMeasures measures the tenant holds its own licence for
 * @param primaryMeasure the measure that drives caseload lists unless a client has another
 * @param notSeenWarningDays days without an attended session before a client is flagged
 * @param notSeenAlertDays days without an attended session before the flag turns red
 * @param sendBeforeHours if set, links for a session's planned measures go to consenting clients
 *     this many hours before it
 * @param feedbackAfterHours if set, the feedback measure goes to consenting clients this many
 *     hours after an attended session
 * @param pcl5CutOff the PCL-5 total at or above which a client is a probable case of PTSD; the
 *     National Center for PTSD's PCL-5 guidance gives 31 to 33, so the service chooses within it
 */
public record OutcomeSettings(
        boolean commercial,
        Set<String> enabledMeasures,
        Set<String> licensedMeasures,
        String primaryMeasure,
        int notSeenWarningDays,
        int notSeenAlertDays,
        int maxGoals,
        int linkValidityDays,
        int chartLinkValidityDays,
        @Nullable Integer sendBeforeHours,
        @Nullable Integer feedbackAfterHours,
        @Nullable String feedbackMeasure,
        int pcl5CutOff) {

    public static final int PCL5_CUT_OFF_LOWEST = 31;
    public static final int PCL5_CUT_OFF_HIGHEST = 33;

    public OutcomeSettings {
        enabledMeasures = Set.copyOf(enabledMeasures);
        licensedMeasures = Set.copyOf(licensedMeasures);
    }

    public static OutcomeSettings defaults() {
        return new OutcomeSettings(
                true,
                Set.of("PHQ-9", "GAD-7", "WSAS", "SESSION-FEEDBACK"),
                Set.of(),
                "PHQ-9",
                15,
                30,
                3,
                7,
                30,
                null,
                null,
                null,
                PCL5_CUT_OFF_HIGHEST);
    }

    OutcomeSettings withMeasures(Set<String> enabled, Set<String> licensed) {
        return new OutcomeSettings(
                commercial,
                enabled,
                licensed,
                primaryMeasure,
                notSeenWarningDays,
                notSeenAlertDays,
                maxGoals,
                linkValidityDays,
                chartLinkValidityDays,
                sendBeforeHours,
                feedbackAfterHours,
                feedbackMeasure,
                pcl5CutOff);
    }

    /**
     * Each setting changed on the settings form, by name, as the audit trail records a change of it
     * (the measures in use and the licences have entries of their own).
     */
    public Map<String, String> asSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("commercial", String.valueOf(commercial));
        settings.put("primary-measure", primaryMeasure);
        settings.put("not-seen-warning-days", String.valueOf(notSeenWarningDays));
        settings.put("not-seen-alert-days", String.valueOf(notSeenAlertDays));
        settings.put("max-goals", String.valueOf(maxGoals));
        settings.put("link-validity-days", String.valueOf(linkValidityDays));
        settings.put("chart-link-validity-days", String.valueOf(chartLinkValidityDays));
        settings.put("send-before-hours", sendBeforeHours == null ? "" : String.valueOf(sendBeforeHours));
        settings.put("feedback-after-hours", feedbackAfterHours == null ? "" : String.valueOf(feedbackAfterHours));
        settings.put("feedback-measure", feedbackMeasure == null ? "" : feedbackMeasure);
        settings.put("pcl5-cut-off", String.valueOf(pcl5CutOff));
        return settings;
    }
}
