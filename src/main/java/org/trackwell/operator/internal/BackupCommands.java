package org.trackwell.operator.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trackwell.backup.BackupRefused;
import org.trackwell.backup.Backups;
import org.trackwell.backup.BaseBackupSummary;
import org.trackwell.database.TenantTransactions;
import org.trackwell.erasure.TenantClosures;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.keys.KeyDestroyed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        subcommands = {
            BackupCommands.Now.class,
            BackupCommands.ListBackups.class,
            RestoreCommand.class,
            VerifyBackupCommand.class,
            BackupCommands.Erasures.class
        },
        description = "Encrypted backups of the embedded database, and restores (docs/operations.md).")
public class BackupCommands {

    static final int REFUSED = 2;

    /** Times for people: to the second, in UTC. */
    static String seconds(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    @Command(name = "now", description = "Take a base backup now; prints its id.")
    static class Now implements Callable<Integer> {

        private final Backups backups;

        @Spec
        CommandSpec spec;

        Now(Backups backups) {
            this.backups = backups;
        }

        @Override
        public Integer call() {
            try {
                String id = backups.takeBaseBackup();
                spec.commandLine().getOut().println(id);
                return 0;
            } catch (BackupRefused refused) {
                spec.commandLine().getErr().println(refused.getMessage());
                return REFUSED;
            }
        }
    }

    @Command(name = "list", description = "Base backups with their time and size, and the window they restore.")
    static class ListBackups implements Callable<Integer> {

        private final Backups backups;

        @Spec
        CommandSpec spec;

        ListBackups(Backups backups) {
            this.backups = backups;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!backups.enabled()) {
                out.println("No backups: Trackwell backs up its embedded database only (see docs/operations.md).");
                return 0;
            }
            backups.shipArchivedWal();
            List<BaseBackupSummary> bases = backups.list();
            List<String> wal = backups.walSegments().stream()
                    .filter(name -> name.length() == "wal/".length() + 24)
                    .toList();
            out.println("Store: " + backups.storeLocation());
            out.printf(Locale.ROOT, "%-18s %-22s %12s%n", "ID", "FINISHED", "SIZE (MiB)");
            for (BaseBackupSummary base : bases) {
                out.printf(
                        Locale.ROOT,
                        "%-18s %-22s %12.1f%n",
                        base.id(),
                        seconds(base.finishedAt()),
                        base.bytes() / (1024.0 * 1024.0));
            }
            out.println("WAL segments: " + wal.size());
            if (!bases.isEmpty()) {
                out.println("Restorable: from " + seconds(bases.getFirst().finishedAt()) + " to the last archived WAL"
                        + (wal.isEmpty() ? "" : " (" + wal.getLast().substring("wal/".length()) + ")"));
            }
            return 0;
        }
    }

    @Command(
            name = "erasures",
            description = "Check the erasure ledger; with --apply, destroy again every key it records (after a"
                    + " restore of an external PostgreSQL by its own tools, before the service starts).")
    static class Erasures implements Callable<Integer> {

        private final Backups backups;
        private final FieldEncryption encryption;
        private final TenantClosures closures;
        private final TenantTransactions transactions;

        @Option(names = "--apply", description = "Destroy again every key the ledger records")
        boolean apply;

        @Spec
        CommandSpec spec;

        Erasures(
                Backups backups, FieldEncryption encryption, TenantTransactions transactions, TenantClosures closures) {
            this.closures = closures;
            this.backups = backups;
            this.encryption = encryption;
            this.transactions = transactions;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<KeyDestroyed> erasures;
            try {
                erasures = backups.erasures();
            } catch (BackupRefused refused) {
                spec.commandLine().getErr().println(refused.getMessage());
                return REFUSED;
            }
            out.println("Erasure ledger in " + backups.storeLocation() + ": " + erasures.size()
                    + " key destructions, checked"
                    + (erasures.isEmpty()
                            ? ""
                            : "; the last at " + seconds(erasures.getLast().at())));
            if (apply) {
                long again = erasures.stream()
                        .filter(erased -> transactions.inTenant(erased.tenant(), () -> encryption.destroyAgain(erased)))
                        .count();
                out.println("Applied again: " + again + " of the keys were still there and are destroyed now.");
                long closed = erasures.stream().filter(closures::closeAgain).count();
                if (closed > 0) {
                    out.println("Closed again: " + closed + " tenants that had closed.");
                }
            }
            return 0;
        }
    }
}
