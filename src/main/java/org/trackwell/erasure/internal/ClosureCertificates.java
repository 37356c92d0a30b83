package org.trackwell.erasure.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.trackwell.audit.ClosingStreams;
import org.trackwell.audit.DocumentSignatures;
import org.trackwell.backup.BackupProperties;
import org.trackwell.erasure.ErasureCertificates;
import org.trackwell.tenancy.Tenant;

/**
 * Writes and signs the certificate of a closed tenant, in the erasure certificate's form and with
 * its signature, so that {@code erasure verify-certificate} checks both.
 */
@Component
public class ClosureCertificates {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** What the closure destroyed and removed, for the certificate. */
    public record Closure(
            Tenant tenant,
            ClosureProgress.Started started,
            Map<String, Long> rowsRemoved,
            ClosingStreams.LastCheckpoint lastCheckpoint,
            long auditEntriesRemoved) {

        Instant closedAt() {
            return started.closedAt();
        }

        ZoneId zone() {
            return started.zone();
        }
    }

    private final ErasureCertificates signing;
    private final DocumentSignatures signatures;
    private final BackupProperties backups;

    ClosureCertificates(ErasureCertificates signing, DocumentSignatures signatures, BackupProperties backups) {
        this.signing = signing;
        this.signatures = signatures;
        this.backups = backups;
    }

    public byte[] of(Closure closure) {
        Tenant tenant = closure.tenant();
        long rows = closure.rowsRemoved().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return signing.signed(CertificatePdf.of(
                "Certificate of closure",
                List.of(
                        List.of(
                                "Closure of " + tenant.displayName() + " (" + tenant.slug() + ")",
                                "Asked for by " + closure.started().requestedBy() + ", a tenant admin, on "
                                        + when(closure.started().requestedAt(), closure.zone())
                                        + ", with the service's whole"
                                        + " archive produced on "
                                        + when(closure.started().archiveProducedAt(), closure.zone()),
                                "Read-only from then; closed by the operator on "
                                        + when(closure.closedAt(), closure.zone()) + " (" + closure.closedAt() + ")"),
                        List.of(
                                "Destroyed",
                                "The service's encryption keys and every client's key. Everything sealed under them"
                                        + " can never be opened again, by anyone, with any key left in the"
                                        + " installation."),
                        lines(
                                "Removed",
                                rows + " rows, from every table that held the service's data:",
                                closure.rowsRemoved().entrySet().stream()
                                        .filter(table -> table.getValue() > 0)
                                        .map(table -> table.getKey() + ": " + table.getValue())
                                        .toList()),
                        List.of(
                                "The service's own audit trail",
                                closure.auditEntriesRemoved() + " entries, removed once sealed and signed to the"
                                        + " last. Its last signed checkpoint, against which the copy in the service's"
                                        + " archive can be checked:",
                                "entry " + closure.lastCheckpoint().seq() + ", hash "
                                        + closure.lastCheckpoint().hash(),
                                "signed " + closure.lastCheckpoint().signedAt()),
                        List.of(
                                "What remains",
                                "The service's name and addresses, which now say that it has closed; this"
                                        + " certificate; and the installation's audit trail of the closure, which"
                                        + " names the service and people only by their codes."),
                        List.of(
                                "Backups",
                                "Backups taken before the closure still hold the keys and rows, sealed. Every restore"
                                        + " closes the service again from the erasure ledger before the restored"
                                        + " database opens. The last of those backups expires by "
                                        + DAY.format(closure.closedAt()
                                                .plus(backups.retention())
                                                .atZone(closure.zone()))
                                        + " (backups are kept "
                                        + backups.retention().toDays() + " days)."),
                        List.of(
                                "Signature",
                                "Signed with this installation's audit signing key (Ed25519), public key:",
                                signatures.publicKeyBase64(),
                                "Check it with: java -jar trackwell.jar erasure verify-certificate FILE"))));
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    private static List<String> lines(String heading, String first, List<String> items) {
        return Stream.concat(Stream.of(heading, first), items.stream().map(item -> "- " + item))
                .toList();
    }
}
