package org.trackwell.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/** The whole application over HTTPS on a random port, against the tests' real PostgreSQL. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PrivateTestData.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "trackwell.data-dir=target/test-data",
            "trackwell.web.http-port=0",
            "trackwell.operator.first-start=false",
            // Tests run the integrity checks and deliver webhooks when they mean to (MonitoringIT).
            "trackwell.monitoring.check-at-start=false",
            "trackwell.monitoring.check-schedule=-",
            "trackwell.monitoring.activity-schedule=-",
            "trackwell.monitoring.webhook-poll=1h",
            // Tenants in tests need no second factor unless a test asks for one (TwoFactorIT).
            "trackwell.identity.default-second-factor-roles="
        })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(TestInfrastructure.class)
@TestExecutionListeners(listeners = ResetBetweenTests.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface TrackwellTest {}
