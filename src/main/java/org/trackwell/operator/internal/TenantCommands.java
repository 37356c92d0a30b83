package org.trackwell.operator.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.trackwell.erasure.TenantClosures;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SetupLink;
import org.trackwell.shared.Refusal;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "tenant",
        mixinStandardHelpOptions = true,
        description = "Create, list, suspend, make read-only, resume and close tenants. Never shows client data.")
public class TenantCommands {

    static final int REFUSED = 2;

    private final Tenants tenants;
    private final Accounts accounts;
    private final TenantClosures closures;

    @Spec
    CommandSpec spec;

    TenantCommands(Tenants tenants, Accounts accounts, TenantClosures closures) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.closures = closures;
    }

    @Command(name = "create", description = "Create a tenant and its first administrator.")
    int create(
            @Option(names = "--slug", required = true, description = "Short name, also the host name: <slug>.<domain>")
                    String slug,
            @Option(names = "--name", required = true, description = "Display name") String name,
            @Option(names = "--admin-email", required = true, description = "E-mail of the first administrator")
                    String adminEmail) {
        return refusalsAsExitCode(spec, () -> {
            Tenant tenant = tenants.create(slug, name);
            SetupLink link = accounts.inviteFirstAdmin(tenant, adminEmail);
            out().println("Created tenant " + tenant.slug() + " (" + tenant.displayName() + ") at "
                    + tenants.baseUrl(tenant));
            printSetupLink(out(), link);
        });
    }

    @Command(name = "list", description = "List tenants with their status.")
    int list() {
        out().printf("%-24s %-10s %s%n", "SLUG", "STATUS", "NAME");
        for (Tenant tenant : tenants.listWithClosed()) {
            out().printf("%-24s %-10s %s%n", tenant.slug(), tenant.status(), tenant.displayName());
        }
        return 0;
    }

    @Command(name = "suspend", description = "Suspend a tenant: every request to it gets 403 until resumed.")
    int suspend(@Option(names = "--slug", required = true) String slug) {
        return refusalsAsExitCode(
                spec, () -> out().println("Suspended " + tenants.suspend(slug).slug()));
    }

    @Command(
            name = "read-only",
            description = "Keep a tenant read-only for a notice period: its people sign in, read and download their"
                    + " data, and change nothing, until resumed or suspended.")
    int readOnly(@Option(names = "--slug", required = true) String slug) {
        return refusalsAsExitCode(
                spec,
                () -> out().println(
                                "Made read-only " + tenants.makeReadOnly(slug).slug()));
    }

    @Command(name = "resume", description = "Resume a suspended or read-only tenant.")
    int resume(@Option(names = "--slug", required = true) String slug) {
        return refusalsAsExitCode(
                spec, () -> out().println("Resumed " + tenants.resume(slug).slug()));
    }

    @Command(
            name = "close",
            description = "Close a tenant whose admin asked for it, once its notice period is over: its keys are"
                    + " destroyed, its rows and its own audit trail removed, for good. Writes the signed certificate"
                    + " (check it with erasure verify-certificate).")
    int close(
            @Option(names = "--slug", required = true) String slug,
            @Option(names = "--certificate", required = true, description = "Where to write the certificate (PDF)")
                    Path certificate) {
        if (Files.exists(certificate)) {
            spec.commandLine().getErr().println(certificate + " exists already: name a new file for the certificate.");
            return REFUSED;
        }
        return refusalsAsExitCode(spec, () -> {
            byte[] signed = closures.close(slug);
            try {
                Files.write(certificate, signed, StandardOpenOption.CREATE_NEW);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "The tenant closed, but its certificate could not be written to " + certificate
                                + ": tenant certificate --slug " + slug + " writes it again.",
                        e);
            }
            out().println("Closed " + slug + ". Certificate: " + certificate);
        });
    }

    @Command(name = "certificate", description = "Write the signed certificate of a closed tenant's closure again.")
    int certificate(
            @Option(names = "--slug", required = true) String slug,
            @Option(names = "--certificate", required = true, description = "Where to write it (PDF)")
                    Path certificate) {
        return refusalsAsExitCode(spec, () -> {
            byte[] signed = closures.certificate(slug);
            try {
                Files.write(certificate, signed, StandardOpenOption.CREATE_NEW);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out().println("Certificate of " + slug + ": " + certificate);
        });
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    static void printSetupLink(PrintWriter out, SetupLink link) {
        out.println("First administrator: " + link.email());
        out.println("One-time link to set their password (valid until " + link.expiresAt() + "):");
        out.println("  " + link.url());
    }

    /** Runs a command; a refusal prints its message for the operator and exits with {@link #REFUSED}. */
    static int refusalsAsExitCode(CommandSpec spec, Runnable command) {
        try {
            command.run();
            return 0;
        } catch (Refusal refusal) {
            spec.commandLine().getErr().println(refusal.getMessage());
            return REFUSED;
        }
    }
}
