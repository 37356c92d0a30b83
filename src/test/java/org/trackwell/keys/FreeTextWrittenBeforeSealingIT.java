package org.trackwell.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.Episodes;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.internal.ClientRecord;
import org.trackwell.clients.internal.ClientRegistration;
import org.trackwell.clients.internal.Demographic;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.DoseRecord;
import org.trackwell.medication.internal.DoseRecords;
import org.trackwell.medication.internal.Prescription;
import org.trackwell.medication.internal.Prescriptions;
import org.trackwell.medication.internal.StockRegister;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;

/**
 * An installation of the version before free text was sealed, with free text in the clear, upgraded:
 * the database is migrated to V23 and filled before this application starts on it, so starting it
 * runs the sealing migrations on those rows. Afterwards none of the text is in the database, and
 * the application opens every piece of it where it always showed it.
 */
@TrackwellTest
@TestPropertySource(properties = "trackwell.test.database=" + FreeTextWrittenBeforeSealingIT.DATABASE)
@DirtiesContext
class FreeTextWrittenBeforeSealingIT {

    static final String DATABASE = "trackwell_clear_text_test";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final UUID TEAM = UUID.randomUUID();
    private static final UUID STAFF = UUID.randomUUID();
    private static final UUID MEDICINE = UUID.randomUUID();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static final Client CLIENT = new Client();
    private static final Client ERASED = new Client();

    /** A client of the old version and the ids of what was recorded about them. */
    private static final class Client {
        final UUID id = UUID.randomUUID();
        final String code = PseudonymCode.random(RANDOM).value();
        final UUID running = UUID.randomUUID();
        final UUID stopped = UUID.randomUUID();
        final UUID given = UUID.randomUUID();
        final UUID correction = UUID.randomUUID();
        final UUID disposal = UUID.randomUUID();
        final UUID episode = UUID.randomUUID();
    }

    /** The free text of each kind the old version kept in the clear, each a marker of its own. */
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("instructions", marker()),
            Map.entry("prescriber", marker()),
            Map.entry("indication", marker()),
            Map.entry("stopReason", marker()),
            Map.entry("overrideReason", marker()),
            Map.entry("correctionReason", marker()),
            Map.entry("stockReason", marker()),
            Map.entry("referralSource", marker()),
            Map.entry("firstLanguage", marker()),
            Map.entry("presentingProblem", marker()));

    @Autowired
    Prescriptions prescriptions;

    @Autowired
    DoseRecords doses;

    @Autowired
    StockRegister stockRegister;

    @Autowired
    Episodes episodes;

    @Autowired
    Clients clients;

    @Autowired
    ClientRegistration registration;

    /** Runs before the application starts on the database, which migrates it on to the end. */
    @BeforeAll
    static void anInstallationOfTheVersionBeforeSealing() {
        Flyway.configure()
                .dataSource(
                        TestPostgres.jdbcUrl(DATABASE),
                        TestPostgres.OWNER,
                        TestPostgres.passwords().owner())
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtimeRole", TestPostgres.RUNTIME))
                .target("23")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(TestPostgres.asSuperuser(DATABASE));
        jdbc.sql(
                        "insert into tenant (id, slug, display_name, status, created_at) values (:id, :slug, 'Old', 'ACTIVE', :now)")
                .param("id", TENANT.value())
                .param("slug", "old" + RANDOM.nextInt(1_000_000))
                .param("now", Timestamp.from(NOW))
                .update();
        jdbc.sql("insert into team (tenant_id, id, name) values (:tenant, :id, 'Willow House')")
                .param("tenant", TENANT.value())
                .param("id", TEAM)
                .update();
        jdbc.sql("""
                        insert into medicine (tenant_id, id, name, form, strength, route, controlled, created_at)
                        values (:tenant, :id, 'Paracetamol', 'tablet', '500 mg', 'oral', false, :now)""")
                .param("tenant", TENANT.value())
                .param("id", MEDICINE)
                .param("now", Timestamp.from(NOW))
                .update();
        inTheClear(jdbc, CLIENT);
        inTheClear(jdbc, ERASED);
        jdbc.sql("""
                        insert into client_data_key (tenant_id, client_id, aead_keyset, created_at, destroyed_at)
                        values (:tenant, :client, null, :now, :now)""")
                .param("tenant", TENANT.value())
                .param("client", ERASED.id)
                .param("now", Timestamp.from(NOW))
                .update();
    }

    @Test
    void sealsTheFreeTextEarlierVersionsLeftInTheClearAndTheServiceOpensItWhereItAlwaysShowedIt() {
        assertThat(superuser()
                        .sql(
                                "select version from flyway_schema_history where success and version::int >= 24 order by 1")
                        .query(String.class)
                        .list())
                .contains("24", "25", "26", "27");
        String dump = TestPostgres.dumpEveryTable(DATABASE);
        TEXT.values()
                .forEach(text -> assertThat(dump)
                        .doesNotContain(text)
                        .doesNotContain(HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8))));

        List<Prescription> prescribed = inTenant(() -> prescriptions.of(reached(CLIENT.code)));
        Prescription running = prescribed.stream()
                .filter(p -> p.id().equals(CLIENT.running))
                .findFirst()
                .orElseThrow();
        assertThat(running.instructions()).isEqualTo(TEXT.get("instructions"));
        assertThat(running.prescriber()).isEqualTo(TEXT.get("prescriber"));
        assertThat(running.prn().indication()).isEqualTo(TEXT.get("indication"));
        assertThat(prescribed.stream().filter(p -> p.id().equals(CLIENT.stopped)))
                .singleElement()
                .extracting(Prescription::stopReason)
                .isEqualTo(TEXT.get("stopReason"));

        List<DoseRecord> history =
                inTenant(() -> doses.history(reached(CLIENT.code), NOW.minusSeconds(7200), NOW.plusSeconds(60)));
        assertThat(history).extracting(DoseRecord::overrideReason).contains(TEXT.get("overrideReason"));
        assertThat(history).extracting(DoseRecord::correctionReason).contains(TEXT.get("correctionReason"));
        assertThat(inTenant(() -> stockRegister.of(reached(CLIENT.code), MEDICINE)))
                .extracting(line -> line.movement().reason())
                .containsExactly(TEXT.get("stockReason"));
        assertThat(inTenant(() -> episodes.ofClient(reached(CLIENT.code))))
                .singleElement()
                .extracting(org.trackwell.clients.Episode::referralSource)
                .isEqualTo(TEXT.get("referralSource"));
        ClientRecord record = inTenant(() -> registration.record(manager(), reached(CLIENT.code)));
        assertThat(record.demographics())
                .containsEntry(Demographic.GENDER, "Woman")
                .containsEntry(Demographic.FIRST_LANGUAGE, TEXT.get("firstLanguage"))
                .containsEntry(Demographic.PRESENTING_PROBLEMS, List.of(TEXT.get("presentingProblem")));
        assertThat(superuser()
                        .sql("select demographics::text from client where id = :id")
                        .param("id", CLIENT.id)
                        .query(String.class)
                        .single())
                .as("the choices stay in the clear for reports")
                .contains("GENDER");
    }

    @Test
    void erasesRatherThanSealsTheClearTextOfAClientWhoseKeyWasDestroyed() {
        assertThat(superuser()
                        .sql("select length(instructions) from prescription where id = :id")
                        .param("id", ERASED.running)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> inTenant(() -> prescriptions.of(reached(ERASED.code))))
                .isInstanceOf(CannotOpen.class);
        assertThatThrownBy(() -> inTenant(() -> episodes.ofClient(reached(ERASED.code))))
                .isInstanceOf(CannotOpen.class);
    }

    private static void inTheClear(JdbcClient jdbc, Client client) {
        jdbc.sql("""
                        insert into client (tenant_id, id, code, team_id, demographics, created_at, created_by)
                        values (:tenant, :id, :code, :team, cast(:demographics as jsonb), :now, :staff)""")
                .param("tenant", TENANT.value())
                .param("id", client.id)
                .param("code", client.code)
                .param("team", TEAM)
                .param(
                        "demographics",
                        "{\"GENDER\": \"Woman\", \"FIRST_LANGUAGE\": \"" + TEXT.get("firstLanguage")
                                + "\", \"PRESENTING_PROBLEMS\": [\"" + TEXT.get("presentingProblem") + "\"]}")
                .param("now", Timestamp.from(NOW))
                .param("staff", STAFF)
                .update();
        jdbc.sql("""
                        insert into episode (tenant_id, id, client_id, referred_on, referral_source, stage, created_at)
                        values (:tenant, :id, :client, :referredOn, :source, 'REFERRAL', :now)""")
                .param("tenant", TENANT.value())
                .param("id", client.episode)
                .param("client", client.id)
                .param("referredOn", java.sql.Date.valueOf(LocalDate.now()))
                .param("source", TEXT.get("referralSource"))
                .param("now", Timestamp.from(NOW))
                .update();
        asNeeded(jdbc, client, client.running, null);
        asNeeded(jdbc, client, client.stopped, TEXT.get("stopReason"));
        jdbc.sql("""
                        insert into dose_record (tenant_id, id, client_id, prescription_id, outcome, amount, given_at,
                          override_reason, recorded_at, recorded_by)
                        values (:tenant, :id, :client, :prescription, 'GIVEN', 1, :given, :reason, :given, :staff)""")
                .param("tenant", TENANT.value())
                .param("id", client.given)
                .param("client", client.id)
                .param("prescription", client.running)
                .param("given", Timestamp.from(NOW.minusSeconds(3600)))
                .param("reason", TEXT.get("overrideReason"))
                .param("staff", STAFF)
                .update();
        jdbc.sql("""
                        insert into dose_record (tenant_id, id, client_id, prescription_id, outcome, amount, given_at,
                          corrects, correction_reason, recorded_at, recorded_by)
                        values (:tenant, :id, :client, :prescription, 'GIVEN', 2, :given, :corrects, :reason, :now,
                          :staff)""")
                .param("tenant", TENANT.value())
                .param("id", client.correction)
                .param("client", client.id)
                .param("prescription", client.running)
                .param("given", Timestamp.from(NOW.minusSeconds(3600)))
                .param("corrects", client.given)
                .param("reason", TEXT.get("correctionReason"))
                .param("now", Timestamp.from(NOW))
                .param("staff", STAFF)
                .update();
        jdbc.sql("""
                        insert into stock_movement (tenant_id, id, client_id, medicine_id, kind, quantity, reason,
                          recorded_at, recorded_by)
                        values (:tenant, :id, :client, :medicine, 'DISPOSAL', -1, :reason, :now, :staff)""")
                .param("tenant", TENANT.value())
                .param("id", client.disposal)
                .param("client", client.id)
                .param("medicine", MEDICINE)
                .param("reason", TEXT.get("stockReason"))
                .param("now", Timestamp.from(NOW))
                .param("staff", STAFF)
                .update();
    }

    private static void asNeeded(JdbcClient jdbc, Client client, UUID id, String stopReason) {
        jdbc.sql("""
                        insert into prescription (tenant_id, id, client_id, medicine_id, dose, unit, route, instructions,
                          starts_on, prescriber, kind, prn_indication, prn_min_dose, prn_max_dose,
                          prn_min_interval_minutes, prn_max_doses_per_day, time_critical, stopped_at, stopped_by,
                          stop_reason, created_at, created_by)
                        values (:tenant, :id, :client, :medicine, 1, 'tablets', 'oral', :instructions, :startsOn,
                          :prescriber, 'PRN', :indication, 1, 2, 240, 4, false, :stoppedAt, :stoppedBy, :stopReason,
                          :now, :staff)""")
                .param("tenant", TENANT.value())
                .param("id", id)
                .param("client", client.id)
                .param("medicine", MEDICINE)
                .param("instructions", TEXT.get("instructions"))
                .param("startsOn", java.sql.Date.valueOf(LocalDate.now().minusDays(7)))
                .param("prescriber", TEXT.get("prescriber"))
                .param("indication", TEXT.get("indication"))
                .param("stoppedAt", stopReason == null ? null : Timestamp.from(NOW))
                .param("stoppedBy", stopReason == null ? null : STAFF)
                .param("stopReason", stopReason)
                .param("now", Timestamp.from(NOW))
                .param("staff", STAFF)
                .update();
    }

    /** The client as a request that names it finds it, at the edge ({@code ReachedClient}). */
    private ClientRef reached(String code) {
        return clients.reach(manager(), code, ReachedClient.Need.CLINICAL_RECORD, Optional.empty());
    }

    private static SignedInUser manager() {
        return new SignedInUser(
                TENANT,
                new UserId(STAFF),
                "manager@old.test",
                "Mo Manager",
                Set.of(Role.MANAGER),
                Set.of(TEAM),
                "session",
                NOW.plusSeconds(3600),
                1200,
                true,
                NOW,
                false,
                false,
                Set.of());
    }

    private static <T> T inTenant(Supplier<T> work) {
        try (CurrentTenant.Scope scope = CurrentTenant.enter(TENANT)) {
            return work.get();
        }
    }

    private static JdbcClient superuser() {
        return JdbcClient.create(TestPostgres.asSuperuser(DATABASE));
    }

    private static String marker() {
        StringBuilder marker = new StringBuilder("clear");
        for (int i = 0; i < 16; i++) {
            marker.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return marker.toString();
    }
}
