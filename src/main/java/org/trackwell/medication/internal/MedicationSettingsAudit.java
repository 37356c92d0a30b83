package org.trackwell.medication.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The medication settings by name, as the audit trail records a change of each with its old and
 * new value. What the round shows has an entry of its own
 * ({@code medication-settings.round-identification-changed}).
 */
final class MedicationSettingsAudit {

    private MedicationSettingsAudit() {}

    static Map<String, String> of(MedicationSettings settings) {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("time-zone", settings.zone().getId());
        named.put("tolerance-minutes", String.valueOf(settings.toleranceMinutes()));
        named.put("prn-follow-up-minutes", String.valueOf(settings.prnEffectMinutes()));
        named.put("low-stock-days", String.valueOf(settings.lowStockDays()));
        named.put("expiry-warning-days", String.valueOf(settings.expiryWarningDays()));
        named.put("witnessed-doses", settings.witnessedDoses().name());
        named.put("stock-count-days", String.valueOf(settings.stockCountDays()));
        return named;
    }
}
