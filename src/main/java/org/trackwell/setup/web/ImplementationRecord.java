package org.trackwell.setup.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.audit.AuditEntry;
import org.trackwell.audit.AuditViewer;
import org.trackwell.clients.ClientIdentifiers;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Policies;
import org.trackwell.identity.SecurityPolicy;
import org.trackwell.identity.Team;
import org.trackwell.identity.User;
import org.trackwell.outcomes.MeasureSetup;
import org.trackwell.setup.internal.Answers;
import org.trackwell.setup.internal.ServiceKind;
import org.trackwell.setup.internal.Survey;
import org.trackwell.setup.internal.SurveyState;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.ModulesUsed;
import org.trackwell.tenancy.OptionalModule;

/**
 * The implementation record, drawn each time from the survey's answers, the settings as they are
 * now and the settings changes since the survey was applied, so that it never goes stale.
 */
@Component
class ImplementationRecord {

    /** A heading and its lines. */
    record Section(String heading, List<String> lines) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private final Survey survey;
    private final Policies policies;
    private final ClientIdentifiers identifiers;
    private final MeasureSetup measures;
    private final Accounts accounts;
    private final AuditViewer audit;
    private final ModulesUsed modules;

    ImplementationRecord(
            Survey survey,
            Policies policies,
            ClientIdentifiers identifiers,
            MeasureSetup measures,
            Accounts accounts,
            AuditViewer audit,
            ModulesUsed modules) {
        this.survey = survey;
        this.policies = policies;
        this.identifiers = identifiers;
        this.measures = measures;
        this.accounts = accounts;
        this.audit = audit;
        this.modules = modules;
    }

    List<Section> sections() {
        Map<String, String> names = accounts.list().stream()
                .collect(Collectors.toMap(user -> user.id().value().toString(), User::displayName, (a, b) -> a));
        Function<@Nullable UserId, String> who =
                id -> id == null ? "nobody" : names.getOrDefault(id.value().toString(), "someone no longer listed");
        Answers answers = survey.saved();
        List<Section> sections = new ArrayList<>();
        SurveyState state = survey.state().orElse(null);
        if (state == null) {
            sections.add(new Section("The survey", List.of("The implementation survey has not been answered yet.")));
        } else {
            sections.add(new Section(
                    "The survey",
                    List.of(
                            "Answers last saved by " + who.apply(state.savedBy()) + " on " + when(state.savedAt())
                                    + ".",
                            state.appliedAt() == null
                                    ? "Not applied yet."
                                    : "Applied by " + who.apply(state.appliedBy()) + " on " + when(state.appliedAt())
                                            + ".",
                            "Kind of service: "
                                    + answers.kind().map(ServiceKind::words).orElse("not chosen") + ".",
                            "Outcome measures used: " + yesNo(answers.yes("outcomes")) + ". Medication used: "
                                    + yesNo(answers.yes("medication")) + ".")));
        }
        sections.add(settingsNow());
        sections.add(changesSince(state, names));
        return sections;
    }

    private Section settingsNow() {
        SecurityPolicy policy = policies.current();
        List<String> chosenIdentifiers = identifiers.offered().entrySet().stream()
                .filter(e -> identifiers.chosen().contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        return new Section(
                "The settings now",
                List.of(
                        "Modules used: "
                                + Words.list(modules.used().stream()
                                        .map(OptionalModule::words)
                                        .toList())
                                + ".",
                        "Identifying details recorded about clients: " + Words.list(chosenIdentifiers) + ".",
                        "Shortest password: " + policy.minPasswordLength() + " characters. Lock after "
                                + policy.lockoutThreshold() + " wrong passwords. Sign out after "
                                + policy.idleTimeoutSeconds() / 60 + " idle minutes.",
                        "Two-factor sign-in required for: " + Words.roles(policy.secondFactorRoles()) + ".",
                        "Measures in use: "
                                + Words.list(measures.measures().stream()
                                        .filter(MeasureSetup.MeasureChoice::on)
                                        .map(MeasureSetup.MeasureChoice::id)
                                        .toList())
                                + ".",
                        "Session types: " + Words.list(measures.sessionTypeNames()) + ".",
                        "Teams: "
                                + Words.list(accounts.teams().stream()
                                        .map(Team::name)
                                        .toList()) + "."));
    }

    private Section changesSince(@Nullable SurveyState state, Map<String, String> names) {
        Instant since = state == null || state.appliedAt() == null ? Instant.MAX : state.appliedAt();
        List<String> lines = new ArrayList<>();
        for (AuditEntry entry : audit.settingChanges(500)) {
            String target = entry.target();
            if (entry.occurredAt().isAfter(since) && target != null && target.contains(":") && target.contains("->")) {
                int colon = target.indexOf(':');
                int arrow = target.indexOf("->", colon);
                lines.add(when(entry.occurredAt()) + ", "
                        + (entry.actorId() == null
                                ? "the service"
                                : names.getOrDefault(entry.actorId(), "someone no longer listed"))
                        + ": "
                        + Words.setting(target.substring(0, colon)) + " from "
                        + value(target.substring(colon + 1, arrow))
                        + " to " + value(target.substring(arrow + 2)) + ".");
            }
        }
        if (lines.isEmpty()) {
            lines.add("No setting has been changed since the survey was applied.");
        }
        return new Section("Changes since the survey was applied", lines);
    }

    private static String value(String value) {
        return switch (value) {
            case "" -> "none";
            case "true" -> "on";
            case "false" -> "off";
            default -> Words.setting(value.replace(",", ", "));
        };
    }

    private static String yesNo(boolean yes) {
        return yes ? "yes" : "no";
    }

    private static String when(Instant at) {
        return WHEN.format(at);
    }
}
