package org.trackwell.outcomes.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trackwell.outcomes.internal.OutcomeSettings;
import org.trackwell.outcomes.internal.SessionType;

/** The service's outcome settings as the API shows them, measure lists in order. */
record OutcomeSettingsView(
        boolean commercial,
        List<String> enabledMeasures,
        List<String> licensedMeasures,
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

    static OutcomeSettingsView of(OutcomeSettings settings) {
        return new OutcomeSettingsView(
                settings.commercial(),
                settings.enabledMeasures().stream().sorted().toList(),
                settings.licensedMeasures().stream().sorted().toList(),
                settings.primaryMeasure(),
                settings.notSeenWarningDays(),
                settings.notSeenAlertDays(),
                settings.maxGoals(),
                settings.linkValidityDays(),
                settings.chartLinkValidityDays(),
                settings.sendBeforeHours(),
                settings.feedbackAfterHours(),
                settings.feedbackMeasure(),
                settings.pcl5CutOff());
    }

    /** A kind of session, with the measures it asks for. */
    record SessionTypeView(String code, String name, List<String> measures, boolean treatment) {

        static SessionTypeView of(SessionType type) {
            return new SessionTypeView(type.code(), type.name(), type.measures(), type.treatment());
        }
    }
}
