package org.trackwell.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = context.getEnvironment().getProperty("trackwell.test.database", TestPostgres.DATABASE);
        if (!context.getEnvironment().containsProperty("trackwell.audit.checkpoint-dir")) {
            // Test databases share one data directory: each exports its checkpoints apart.
            TestPropertyValues.of(
                            "trackwell.audit.checkpoint-dir=" + TestData.DIRECTORY.resolve("checkpoints-" + database))
                    .applyTo(context);
        }
        TestPropertyValues.of(
                        "trackwell.database.url="
                                + TestPostgres.jdbcUrl(context.getEnvironment()
                                        .getProperty("trackwell.test.database", TestPostgres.DATABASE)),
                        "trackwell.database.username=" + TestPostgres.RUNTIME,
                        "trackwell.database.password="
                                + TestPostgres.passwords().runtime(),
                        "trackwell.database.owner-username=" + TestPostgres.OWNER,
                        "trackwell.database.owner-password="
                                + TestPostgres.passwords().owner(),
                        // The tests' shared server is a throwaway one that runs without fsync.
                        "trackwell.database.unsafe-allow-lost-writes=true",
                        "spring.mail.host=127.0.0.1",
                        // A test of what happens when mail cannot go names a closed port here.
                        "spring.mail.port="
                                + context.getEnvironment()
                                        .getProperty("trackwell.test.mail-port", String.valueOf(TestMail.port())))
                .applyTo(context);
    }
}
