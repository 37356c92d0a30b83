package org.trackwell.operator.internal;

import java.io.PrintWriter;
import org.trackwell.identity.Operators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "operator", mixinStandardHelpOptions = true, description = "Operator accounts, outside every tenant.")
public class OperatorAccountCommands {

    private final Operators operators;

    @Spec
    CommandSpec spec;

    OperatorAccountCommands(Operators operators) {
        this.operators = operators;
    }

    @Command(name = "add", description = "Add an operator and print their one-time set-up token.")
    int add(@Option(names = "--email", required = true) String email) {
        return TenantCommands.refusalsAsExitCode(spec, () -> {
            String token = operators.add(email);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Added operator " + email.strip().toLowerCase(java.util.Locale.ROOT));
            out.println("One-time set-up token (valid 72 hours), to redeem on the operator's host:");
            out.println("  POST /api/v1/operator/setup {\"token\":\"" + token + "\",\"password\":\"...\"}");
        });
    }

    @Command(
            name = "reset-mfa",
            description = "Remove an operator's authenticator (a lost phone): they set one up at the next sign-in.")
    int resetSecondFactor(@Option(names = "--email", required = true) String email) {
        return TenantCommands.refusalsAsExitCode(spec, () -> {
            operators.resetSecondFactor(email);
            spec.commandLine()
                    .getOut()
                    .println("The authenticator of " + email.strip() + " is removed and their sessions ended.");
        });
    }
}
