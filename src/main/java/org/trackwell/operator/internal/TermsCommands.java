package org.trackwell.operator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trackwell.identity.Terms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "terms",
        mixinStandardHelpOptions = true,
        subcommands = TermsCommands.Publish.class,
        description = "Terms of use that every user must accept.")
public class TermsCommands {

    @Command(name = "publish", description = "Publish a new version; every user must accept it at their next request.")
    static class Publish implements Callable<Integer> {

        private final Terms terms;

        @Spec
        CommandSpec spec;

        @Option(names = "--version", required = true)
        String version;

        @Option(names = "--file", required = true, description = "Plain text of the terms")
        Path file;

        Publish(Terms terms) {
            this.terms = terms;
        }

        @Override
        public Integer call() {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return TenantCommands.refusalsAsExitCode(
                    spec,
                    () -> spec.commandLine()
                            .getOut()
                            .println("Published terms of use "
                                    + terms.publish(version, text).version()));
        }
    }
}
