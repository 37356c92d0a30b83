package org.trackwell.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.outcomes.internal.CatalogueEntry;
import org.trackwell.outcomes.internal.MeasureCatalogue;
import org.trackwell.outcomes.internal.OutcomeSettings;
import org.trackwell.outcomes.internal.OutcomeSettingsChanges;
import org.trackwell.outcomes.internal.SessionType;

/**
 * The measures in use and the session types, for the implementation survey. Every change goes
 * through {@link MeasureCatalogue} and {@link OutcomeSettingsChanges}, with the same checks and audit entries as the measures page.
 */
@Service
public class MeasureSetup {

    /** A measure the service may turn on without a licence of its own, and whether it is on. */
    public record MeasureChoice(String id, String title, boolean on) {}

    private final MeasureCatalogue catalogue;
    private final OutcomeSettingsChanges changes;

    MeasureSetup(MeasureCatalogue catalogue, OutcomeSettingsChanges changes) {
        this.catalogue = catalogue;
        this.changes = changes;
    }

    public List<MeasureChoice> measures() {
        return catalogue.entries().stream()
                .filter(CatalogueEntry::usable)
                .map(entry ->
                        new MeasureChoice(entry.measure().id(), entry.measure().title(), entry.enabled()))
                .toList();
    }

    /** The measures that cannot be turned off here: the primary and the feedback measure. */
    public Set<String> kept() {
        OutcomeSettings settings = catalogue.settings();
        return settings.feedbackMeasure() == null
                ? Set.of(settings.primaryMeasure())
                : Set.of(settings.primaryMeasure(), settings.feedbackMeasure());
    }

    public List<String> sessionTypeNames() {
        return catalogue.sessionTypes().stream().map(SessionType::name).toList();
    }

    /**
     * Turns on exactly these measures and names the session types: a type already there by name
     * keeps its planned measures (less any turned off); a new one plans every measure in use.
     */
    @Transactional
    public void change(Set<String> measures, List<String> sessionTypeNames) {
        List<MeasureChoice> current = measures();
        for (MeasureChoice measure : current) {
            if (measures.contains(measure.id()) && !measure.on()) {
                catalogue.enable(measure.id(), false);
            }
        }
        List<SessionType> before = catalogue.sessionTypes();
        List<SessionType> types = new ArrayList<>();
        for (String name : sessionTypeNames) {
            SessionType type = before.stream()
                    .filter(t -> t.name().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseGet(() -> new SessionType(code(name), name, List.copyOf(measures), false));
            types.add(new SessionType(
                    type.code(),
                    name,
                    type.measures().stream().filter(measures::contains).toList(),
                    type.treatment()));
        }
        if (!types.equals(before)) {
            changes.changeSessionTypes(types);
        }
        for (MeasureChoice measure : current) {
            if (!measures.contains(measure.id()) && measure.on()) {
                catalogue.disable(measure.id());
            }
        }
    }

    private static String code(String name) {
        String code = name.strip()
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        code = code.isEmpty() || !Character.isLetter(code.charAt(0)) ? "TYPE_" + code : code;
        return code.length() > 30 ? code.substring(0, 30) : code;
    }
}
