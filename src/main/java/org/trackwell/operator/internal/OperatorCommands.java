package org.trackwell.operator.internal;

import picocli.CommandLine.Command;

@Command(
        name = "java -jar trackwell.jar",
        mixinStandardHelpOptions = true,
        subcommands = {
            TenantCommands.class,
            OperatorAccountCommands.class,
            TermsCommands.class,
            AuditCommands.class,
            KeysCommands.class,
            DatabaseCommands.class,
            HealthCommand.class,
            CheckCommand.class,
            BackupCommands.class,
            ErasureCommands.class
        },
        description = "Trackwell operator commands. Run without a command to start the service.")
public class OperatorCommands {}
