package org.trackwell.erasure.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.audit.DocumentSignatures;
import org.trackwell.backup.BackupProperties;
import org.trackwell.erasure.ErasureCertificates;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.User;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.ServiceTimeZone;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/** Writes and signs the certificate of a carried-out erasure. */
@Component
class Certificates {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** What the client's key sealed (docs/keys.md, "What is sealed today"). */
    static final List<String> DESTROYED = List.of(
            "the client's reference and identifiers (name, date of birth, NHS number, address, e-mail, phone),"
                    + " preferred name, room and photo",
            "the demographics typed as text (first language, presenting problems, current medication)",
            "referral sources, risk notes, case notes and session notes",
            "goal and problem wording, and the answers to questionnaires",
            "prescriptions' instructions, indications, prescribers and stop reasons; notes, override and"
                    + " correction reasons of doses; reasons stock left",
            "the reason given for this erasure");

    private final ErasureCertificates signing;
    private final DocumentSignatures signatures;
    private final Accounts accounts;
    private final Tenants tenants;
    private final BackupProperties backups;
    private final ServiceTimeZone zone;

    Certificates(
            ErasureCertificates signing,
            DocumentSignatures signatures,
            Accounts accounts,
            Tenants tenants,
            BackupProperties backups,
            ServiceTimeZone zone) {
        this.signing = signing;
        this.signatures = signatures;
        this.accounts = accounts;
        this.tenants = tenants;
        this.backups = backups;
        this.zone = zone;
    }

    byte[] of(ErasureRequest request, Instant erasedAt) {
        Tenant tenant = tenants.byId(CurrentTenant.require()).orElseThrow();
        Map<UUID, String> names = new HashMap<>(
                accounts.list().stream().collect(Collectors.toMap(u -> u.id().value(), User::displayName)));
        names.put(ErasureRequests.BY_RETENTION, "Trackwell, by the retention settings");
        String approvedBy = request.approvedBy() == null ? "" : names.getOrDefault(request.approvedBy(), "");
        return signing.signed(CertificatePdf.of(
                "Certificate of erasure",
                List.of(
                        List.of(
                                "Erasure request " + request.number() + " of " + tenant.displayName(),
                                "Client: " + request.client() + " (pseudonym code)",
                                "Asked for by " + names.getOrDefault(request.requestedBy(), "") + " on "
                                        + when(request.requestedAt()),
                                "Approved by " + approvedBy + " on " + when(request.approvedAt()),
                                "Carried out on " + when(erasedAt) + " (" + erasedAt + ")"),
                        lines(
                                "Destroyed",
                                "The client's own encryption key. Everything sealed under it can never be opened"
                                        + " again, by anyone, with any key left in the installation:",
                                DESTROYED),
                        List.of(
                                "What remains",
                                "The pseudonym code, with when and by which request it was erased; the audit trail,"
                                        + " which names the client only by that code and holds nothing anyone typed;"
                                        + " and records of codes, numbers and dates (episode stages and dates, scores,"
                                        + " times of doses) that no longer link to any identifying detail."),
                        List.of(
                                "Backups",
                                "Backups taken before the erasure still hold the key, sealed. Every restore destroys it"
                                        + " again from the erasure ledger before the restored database opens. The last"
                                        + " of those backups expires by "
                                        + DAY.format(erasedAt.plus(backups.retention())
                                                .atZone(zone.zone()))
                                        + " (backups are kept "
                                        + backups.retention().toDays() + " days)."),
                        List.of(
                                "Signature",
                                "Signed with this installation's audit signing key (Ed25519), public key:",
                                signatures.publicKeyBase64(),
                                "Check it with: java -jar trackwell.jar erasure verify-certificate FILE"))));
    }

    private String when(@Nullable Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(zone.zone()));
    }

    private static List<String> lines(String heading, String first, List<String> items) {
        return Stream.concat(Stream.of(heading, first), items.stream().map(item -> "- " + item))
                .toList();
    }
}
