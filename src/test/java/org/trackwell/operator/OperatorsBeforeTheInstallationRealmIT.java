package org.trackwell.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.audit.AuditTrail;
import org.trackwell.keys.InstallationSecrets;
import org.trackwell.shared.Tokens;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.Oathtool;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;

/**
 * An installation from before operators were accounts of the installation realm, upgraded: the
 * database is migrated to a version from before the realm (V48) and given operators as that version kept them, in tables of their
 * own, before this application starts on it and moves them. Each keeps working as it was.
 */
@TrackwellTest
@TestPropertySource(
        properties = {
            "trackwell.test.database=" + OperatorsBeforeTheInstallationRealmIT.DATABASE,
            "trackwell.identity.pepper=" + OperatorsBeforeTheInstallationRealmIT.PEPPER
        })
@DirtiesContext
class OperatorsBeforeTheInstallationRealmIT {

    static final String DATABASE = "trackwell_operator_realm_test";
    static final String PEPPER = "b3BlcmF0b3JzIGJlZm9yZSB0aGUgaW5zdGFsbGF0aW9uIHJlYWxtIQ==";

    /**
     * The operators' tables were as they are here from V15 until the realm; V25 and V26 are Java
     * migrations that only the application runs, so the database is readied to just before them.
     */
    private static final String BEFORE_THE_SEALING_MIGRATIONS = "24";

    private static final String OPERATOR_HOST = "localhost";
    private static final UUID SIGNED_IN = UUID.randomUUID();
    private static final UUID INVITED = UUID.randomUUID();
    private static final String SIGNED_IN_EMAIL = "kept-" + SIGNED_IN + "@platform.test";
    private static final String INVITED_EMAIL = "invited-" + INVITED + "@platform.test";
    private static final String SESSION = "old-session-" + UUID.randomUUID();
    private static final String SETUP = "old-setup-" + UUID.randomUUID();
    private static final String AUTHENTICATOR = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @LocalServerPort
    int port;

    @Autowired
    InstallationSecrets secrets;

    @Autowired
    MutableClock clock;

    /** Runs before the application starts on the database, which migrates it on to the end. */
    @BeforeAll
    static void operatorsAsTheVersionBeforeKeptThem() {
        Flyway.configure()
                .dataSource(
                        TestPostgres.jdbcUrl(DATABASE),
                        TestPostgres.OWNER,
                        TestPostgres.passwords().owner())
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtimeRole", TestPostgres.RUNTIME))
                .target(BEFORE_THE_SEALING_MIGRATIONS)
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(TestPostgres.asSuperuser(DATABASE));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into operator_account (id, email, password_hash, status, created_at)
                values (:signedIn, :signedInEmail, :hash, 'ACTIVE', :now), (:invited, :invitedEmail, null, 'INVITED', :now)""")
                .param("signedIn", SIGNED_IN)
                .param("signedInEmail", SIGNED_IN_EMAIL)
                .param("hash", oldHash(Api.GOOD_PASSWORD))
                .param("invited", INVITED)
                .param("invitedEmail", INVITED_EMAIL)
                .param("now", now)
                .update();
        jdbc.sql("""
                insert into operator_session (token_hash, operator_id, created_at, last_used_at, expires_at)
                values (:hash, :id, :now, :now, :now::timestamptz + interval '12 hours')""")
                .param("hash", Tokens.hash(SESSION))
                .param("id", SIGNED_IN)
                .param("now", now)
                .update();
        jdbc.sql("""
                insert into operator_totp (operator_id, secret, created_at, confirmed_at)
                values (:id, 'sealed by the old version', :now, :now)""").param("id", SIGNED_IN).param("now", now).update();
        jdbc.sql("""
                insert into operator_setup_token (token_hash, operator_id, expires_at)
                values (:hash, :id, :now::timestamptz + interval '3 days')""")
                .param("hash", Tokens.hash(SETUP))
                .param("id", INVITED)
                .param("now", now)
                .update();
    }

    @Test
    void operatorsKeepTheirSessionsPasswordsAuthenticatorsAndSetUpLinks() {
        Https https = new Https(port);
        assertThat(https.get(OPERATOR_HOST, "/api/v1/operator/health", "Authorization", "Bearer " + SESSION)
                        .statusCode())
                .as("a session open before the upgrade")
                .isEqualTo(200);

        resealAsTheOldVersionDid();
        HttpResponse<String> challenge = https.postJson(
                OPERATOR_HOST,
                "/api/v1/operator/login",
                Api.json("email", SIGNED_IN_EMAIL, "password", Api.GOOD_PASSWORD));
        assertThat(Api.read(challenge).get("secondFactorRequired").asBoolean())
                .as("the password, and the authenticator still confirmed")
                .isTrue();
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> signedIn = https.postJson(
                OPERATOR_HOST,
                "/api/v1/operator/login/mfa",
                Api.json(
                        "challenge",
                        Api.read(challenge).get("challenge").asString(),
                        "code",
                        Oathtool.totp(AUTHENTICATOR, clock.instant())));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);

        assertThat(https.postJson(
                                OPERATOR_HOST,
                                "/api/v1/operator/setup",
                                Api.json("token", SETUP, "password", Api.GOOD_PASSWORD))
                        .statusCode())
                .as("a set-up link given before the upgrade")
                .isEqualTo(204);

        JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser(DATABASE));
        assertThat(superuser
                        .sql("select tenant_id from user_account where id in (:ids)")
                        .param("ids", java.util.List.of(SIGNED_IN, INVITED))
                        .query(UUID.class)
                        .list())
                .containsExactly(AuditTrail.OPERATOR_STREAM.value(), AuditTrail.OPERATOR_STREAM.value());
        assertThat(superuser
                        .sql("select count(*) from pg_tables where tablename like 'operator%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * The old version sealed an authenticator secret under the master key, bound to its own table:
     * this seals one the same way, which the master key of this test run alone can do.
     */
    private void resealAsTheOldVersionDid() {
        JdbcClient.create(TestPostgres.asSuperuser(DATABASE))
                .sql("update totp_factor set secret = :secret where user_id = :id")
                .param(
                        "secret",
                        secrets.seal("operator_totp", "secret", SIGNED_IN.toString(), AUTHENTICATOR)
                                .ciphertext())
                .param("id", SIGNED_IN)
                .update();
    }

    /** A password hash as the old version stored it: Argon2id over HMAC-SHA-256 under the pepper. */
    private static String oldHash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(PEPPER), "HmacSHA256"));
            byte[] keyed = mac.doFinal(
                    Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8));
            return new Argon2PasswordEncoder(16, 32, 1, 19456, 2)
                    .encode(Base64.getEncoder().encodeToString(keyed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
