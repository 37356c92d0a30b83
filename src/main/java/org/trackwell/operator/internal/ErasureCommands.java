package org.trackwell.operator.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trackwell.erasure.ErasureCertificates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "erasure",
        mixinStandardHelpOptions = true,
        subcommands = ErasureCommands.VerifyCertificate.class,
        description = "Erasures of clients' records.")
public class ErasureCommands {

    @Command(
            name = "verify-certificate",
            description = "Check that an erasure certificate was signed by this installation and is unchanged:"
                    + " exit 0 if so, 1 if not.")
    static class VerifyCertificate implements Callable<Integer> {

        private final ErasureCertificates certificates;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The certificate (PDF) as downloaded")
        Path file = Path.of("");

        VerifyCertificate(ErasureCertificates certificates) {
            this.certificates = certificates;
        }

        @Override
        public Integer call() {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                spec.commandLine().getErr().println("Cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            if (certificates.verify(bytes)) {
                spec.commandLine().getOut().println("Certificate verified: signed by this installation, unchanged.");
                return 0;
            }
            spec.commandLine()
                    .getOut()
                    .println("Certificate NOT verified: it was changed, or not signed by this installation.");
            return 1;
        }
    }
}
