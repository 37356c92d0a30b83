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
            // Each failsafe fork names its own (TestData); read before any initializer runs (the TLS set-up).
            "trackwell.data-dir=${trackwell.test-data:target/test-data}",
            "trackwell.web.http-port=0",
            // The management server (metrics) on a random loopback port of its own, like the main one.
            "management.server.port=0",
            "trackwell.operator.first-start=false",
            // Tests run the integrity checks and deliver webhooks when they mean to (MonitoringIT).
            "trackwell.monitoring.check-at-start=false",
            "trackwell.monitoring.check-schedule=-",
            "trackwell.monitoring.activity-schedule=-",
            "trackwell.monitoring.webhook-poll=1h",
            "trackwell.mail.retry-poll=1h",
            // Tests look for missed doses and send due measure links when they mean to, with their
            // own clock: the schedules would race them.
            "trackwell.medication.missed-dose-interval=3650d",
            "trackwell.outcomes.link-schedule-initial-delay=3650d",
            // Tests carry out due erasures when they mean to (ErasureIT).
            "trackwell.erasure.interval=3650d",
            "trackwell.erasure.retention-interval=3650d",
            // and disable unused accounts when they mean to (UnusedAccountsIT).
            "trackwell.identity.unused-accounts-interval=3650d",
            // A full collection in the middle of a test run would only slow it (IdleCollectionTest).
            "trackwell.web.idle-collection-check=3650d",
            // Tenants in tests need no second factor unless a test asks for one (TwoFactorIT).
            "trackwell.identity.default-second-factor-roles=",
            // Nor terms of use of their own to accept, unless a test asks for them (TenantTermsIT).
            "trackwell.identity.default-terms=false"
        })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(TestInfrastructure.class)
@TestExecutionListeners(listeners = ResetBetweenTests.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface TrackwellTest {}
