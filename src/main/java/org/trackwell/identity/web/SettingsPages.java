package org.trackwell.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.trackwell.audit.AuditEntry;
import org.trackwell.audit.AuditViewer;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.User;

/**
 * The tenant admin's settings area: the list of settings pages (each module's page, by its
 * address) and the changes list, read from the audit trail's setting-change entries.
 */
@Controller
class SettingsPages {

    private final AuditViewer audit;
    private final Accounts accounts;

    SettingsPages(AuditViewer audit, Accounts accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    @GetMapping("/admin/settings")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String settings() {
        return "identity/settings";
    }

    @GetMapping("/admin/settings/changes")
    String changes(Model model) {
        List<AuditEntry> entries = audit.settingChanges(500);
        Map<String, String> names = accounts.list().stream()
                .collect(Collectors.toMap(user -> user.id().value().toString(), User::displayName, (a, b) -> a));
        model.addAttribute(
                "changes",
                entries.stream()
                        .map(entry -> Change.of(entry, names::get))
                        .flatMap(Optional::stream)
                        .toList());
        return "identity/settings-changes";
    }

    /** One row of the changes list, in words. */
    record Change(Instant when, String who, String setting, String from, String to) {

        static Optional<Change> of(AuditEntry entry, Function<String, @Nullable String> names) {
            String target = entry.target();
            if (target == null || !target.contains(":") || !target.contains("->")) {
                return Optional.empty();
            }
            int colon = target.indexOf(':');
            int arrow = target.indexOf("->", colon);
            String setting = target.substring(0, colon);
            String who = entry.actorId() == null ? null : names.apply(entry.actorId());
            return Optional.of(new Change(
                    entry.occurredAt(),
                    who == null ? "someone no longer listed" : who,
                    SettingWords.setting(setting),
                    SettingWords.value(setting, target.substring(colon + 1, arrow)),
                    SettingWords.value(setting, target.substring(arrow + 2))));
        }
    }
}
