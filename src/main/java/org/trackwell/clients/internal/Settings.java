package org.trackwell.clients.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.shared.CurrentTenant;

/** The tenant's client settings: which identifiers and demographics it records, and the cap on open cases. */
@Service
public class Settings {

    private final SettingsRows rows;
    private final AuditTrail trail;

    Settings(SettingsRows rows, AuditTrail trail) {
        this.rows = rows;
        this.trail = trail;
    }

    @Transactional(readOnly = true)
    public ClientSettings current() {
        return rows.find().orElseGet(ClientSettings::defaults);
    }

    /** A tenant admin chooses which identifiers and demographics the service records. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ClientSettings change(ClientSettings settings) {
        if (settings.openCaseCap() != null && (settings.openCaseCap() < 1 || settings.openCaseCap() > 1000)) {
            throw new ClientDetailsInvalid("The cap on open cases must be between 1 and 1000.");
        }
        ClientSettings before = current();
        rows.save(CurrentTenant.require(), settings);
        trail.record(AuditAction.CLIENT_SETTINGS_CHANGED, null, Outcome.SUCCESS);
        trail.recordSettingChanges("client-settings", ClientSettingsAudit.of(before), ClientSettingsAudit.of(settings));
        return settings;
    }
}
