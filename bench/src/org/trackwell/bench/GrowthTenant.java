package org.trackwell.bench;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.internal.ClientKeyRows;
import org.trackwell.keys.internal.MasterKey;
import org.trackwell.keys.internal.TenantKeyRows;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.DataDirectory;
import org.trackwell.shared.TenantId;

/**
 * One of the growth scenario's tenants: made through the product (the operator's tenant command,
 * then its administrator, two teams, a practitioner and a manager through the API), then filled
 * in bulk. Every client has an episode (a third open), every second one two attended treatment
 * sessions each with a PHQ-9 whose answers are sealed as the server seals them (under a key per
 * client, at the address the server opens them from: see Sealer), and one audit entry
 * (its registration), sealed into the tenant's chain by the server.
 */
record GrowthTenant(String slug, UUID id, List<UUID> teams, UUID practitioner, Seed manager, int[] count) {

    private static final int BATCH = 2_000;

    static String slug(int number) {
        return String.format("growth-%02d", number);
    }

    /**
     * Creates the tenants not there yet with the operator's tenant command, all in one start of the
     * application (OperatorBatch); returns each new tenant's output, with its set-up link.
     */
    static Map<String, String> createMissing(Server server, List<String> slugs) throws Exception {
        List<String[]> commands = new ArrayList<>();
        for (String slug : slugs) {
            if (!Jdbc.tenantExists(server, slug)) {
                commands.add(new String[] {"tenant", "create", "--slug", slug, "--name", "Growth Service " + slug,
                    "--admin-email", Seed.admin(slug)});
            }
        }
        Map<String, String> outputs = new HashMap<>();
        if (commands.isEmpty()) {
            return outputs;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OperatorBatch.class.getName()));
        command.addAll(List.of(OperatorBatch.joined(commands)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(server.environment);
        Process batch = builder.start();
        String output = new String(batch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (batch.waitFor() != 0) {
            throw new IllegalStateException("creating the tenants failed: " + output);
        }
        for (String section : output.split("(?m)^== ")) {
            Matcher slug = Pattern.compile("--slug (\\S+)").matcher(section);
            if (slug.find()) {
                outputs.put(slug.group(1), section);
            }
        }
        return outputs;
    }

    /** A tenant made by {@link #createMissing} ({@code created} its output) or by an earlier run (null). */
    static GrowthTenant open(Server server, String slug, String created) throws Exception {
        Seed manager = new Seed(slug + ".localhost", "manager@" + slug + ".test", Seed.PASSWORD);
        if (created != null) {
            Seed admin = Seed.withAdmin(server, slug, created);
            String token = admin.token(server);
            List<String> teams = new ArrayList<>();
            for (String name : List.of("North Team", "South Team")) {
                teams.add(Calls.field(Calls.post(server, admin, token, "/api/v1/teams", "{\"name\":\"" + name + "\"}"),
                        "id"));
            }
            Calls.staff(server, admin, token, "practitioner@" + slug + ".test", "PRACTITIONER", teams.getFirst());
            // Calls.staff names one team; the manager is in both, so reaches every client of the tenant.
            Calls.staff(server, admin, token, manager.email(), "MANAGER", String.join("\",\"", teams));
        }
        UUID id = UUID.fromString(Jdbc.tenantId(server, slug));
        try (Connection connection = Jdbc.connect(server)) {
            Jdbc.setTenant(connection, id.toString());
            List<UUID> teams = uuids(connection, "select id from team order by name");
            UUID practitioner = uuids(connection, "select id from user_account where email like 'practitioner@%'")
                    .getFirst();
            int clients = uuids(connection, "select id from client").size();
            connection.commit();
            return new GrowthTenant(slug, id, teams, practitioner, manager, new int[] {clients});
        }
    }

    int clients() {
        return count[0];
    }

    /** Adds clients, with their episodes, sessions, scores and audit entries, up to {@code wanted}. */
    void topUp(Server server, int wanted) throws Exception {
        if (clients() >= wanted) {
            return;
        }
        try (Connection connection = Jdbc.connectForBulk(server)) {
            Jdbc.setTenant(connection, id.toString());
            insertClients(connection, wanted - clients());
            for (String statement : EPISODES_AND_SESSIONS) {
                try (PreparedStatement insert = connection.prepareStatement(statement)) {
                    int parameters = (int) statement.chars().filter(c -> c == '?').count();
                    for (int p = 1; p <= parameters; p++) {
                        insert.setObject(p, practitioner);
                    }
                    insert.execute();
                }
            }
            insertSealedAnswers(server, connection);
            for (String statement : SCORES_AND_AUDIT) {
                try (PreparedStatement insert = connection.prepareStatement(statement)) {
                    if (statement.contains("?")) {
                        insert.setString(1, practitioner.toString());
                    }
                    insert.execute();
                }
            }
            connection.commit();
        }
        count[0] = wanted;
    }

    private void insertClients(Connection connection, int adding) throws Exception {
        Set<String> codes = new HashSet<>();
        try (PreparedStatement existing = connection.prepareStatement("select code from client");
                ResultSet rows = existing.executeQuery()) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        SecureRandom random = new SecureRandom();
        Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
        try (PreparedStatement client = connection.prepareStatement("""
                insert into client (tenant_id, id, code, team_id, created_at, created_by)
                values (?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < adding; i++) {
                String code;
                do {
                    code = PseudonymCode.random(random).value();
                } while (!codes.add(code));
                client.setObject(1, id);
                client.setObject(2, UUID.randomUUID());
                client.setString(3, code);
                client.setObject(4, teams.get(i % teams.size()));
                client.setTimestamp(5, Timestamp.from(yearAgo.plusSeconds(random.nextInt(365 * 86_400))));
                client.setObject(6, practitioner);
                client.addBatch();
                if (i % BATCH == BATCH - 1) {
                    client.executeBatch();
                }
            }
            client.executeBatch();
        }
    }

    /** Every unscored session gets a PHQ-9, its answers sealed with the server's keys for its client. */
    private void insertSealedAnswers(Server server, Connection connection) throws Exception {
        SecureRandom random = new SecureRandom();
        List<Object[]> sessions = new ArrayList<>();
        try (PreparedStatement unscored = connection.prepareStatement("""
                        select s.id, s.client_id, s.starts_at from client_session s
                        where not exists (select 1 from measure_answer a where a.session_id = s.id)""");
                ResultSet rows = unscored.executeQuery()) {
            while (rows.next()) {
                sessions.add(new Object[] {rows.getObject(1), rows.getObject(2), rows.getTimestamp(3)});
            }
        }
        try (Sealer sealer = new Sealer(server, connection, id);
                PreparedStatement answer = connection.prepareStatement("""
                insert into measure_answer (tenant_id, id, client_id, session_id, measure_id, measure_version,
                  answers, total, band, is_case, risk, completed_by, recorded_at, recorded_by)
                values (?, ?, ?, ?, 'PHQ-9', 1, ?, ?, ?, ?, false, 'PRACTITIONER', ?, ?)""")) {
            int n = 0;
            for (Object[] session : sessions) {
                UUID answerId = UUID.randomUUID();
                UUID client = (UUID) session[1];
                StringBuilder json = new StringBuilder("{");
                int total = 0;
                for (int item = 1; item <= 9; item++) {
                    // Item 9 stays 0: a risk answer would raise a concern, which these rows do not.
                    int score = item == 9 ? 0 : random.nextInt(4);
                    total += score;
                    json.append(item == 1 ? "" : ",").append('"').append(item).append("\":").append(score);
                }
                json.append('}');
                answer.setObject(1, id);
                answer.setObject(2, answerId);
                answer.setObject(3, client);
                answer.setObject(4, session[0]);
                answer.setBytes(5, sealer.seal(client, answerId, json.toString()));
                answer.setBigDecimal(6, java.math.BigDecimal.valueOf(total));
                answer.setString(7, band(total));
                answer.setBoolean(8, total >= 10);
                answer.setTimestamp(9, (Timestamp) session[2]);
                answer.setObject(10, practitioner);
                answer.addBatch();
                if (++n % BATCH == 0) {
                    answer.executeBatch();
                }
            }
            answer.executeBatch();
        }
    }

    /** PHQ-9's bands, as outcomes/measures/phq-9.json names them. */
    private static String band(int total) {
        return total >= 20 ? "Severe" : total >= 15 ? "Moderately severe" : total >= 10 ? "Moderate"
                : total >= 5 ? "Mild" : "Minimal";
    }

    private static final List<String> EPISODES_AND_SESSIONS = List.of(
            """
            insert into episode (tenant_id, id, client_id, referred_on, stage, closed_on, created_at)
            select c.tenant_id, gen_random_uuid(), c.id, current_date - 30 - (abs(hashtext(c.code)) % 60),
              case when abs(hashtext(c.code)) % 3 = 0 then 'TREATMENT' else 'COMPLETION' end,
              case when abs(hashtext(c.code)) % 3 <> 0 then current_date - (abs(hashtext(c.code)) % 5) end, now()
            from client c where not exists (select 1 from episode e where e.client_id = c.id)""",
            """
            insert into client_session (tenant_id, id, client_id, episode_id, starts_at, practitioner_id,
              session_type, mode, attendance, planned_measures, created_at, created_by)
            select e.tenant_id, gen_random_uuid(), e.client_id, e.id, e.referred_on + 7 + k * 7 + time '10:00',
              ?, 'TREATMENT', 'FACE_TO_FACE', 'ATTENDED', 'PHQ-9', now(), ?
            from episode e join client c on c.id = e.client_id, generate_series(0, 1) k
            where abs(hashtext(c.code)) % 2 = 0
              and not exists (select 1 from client_session s where s.episode_id = e.id)""");

    private static final List<String> SCORES_AND_AUDIT = List.of(
            // Kept by the server with each answer; seeded here as migration V160 back-fills it.
            """
            insert into episode_scores (tenant_id, episode_id, measure_id, client_id, scored,
              first_total, first_starts_at, first_recorded_at, first_answer_id,
              latest_total, latest_band, latest_starts_at, latest_recorded_at, latest_answer_id, risk)
            select s.tenant_id, s.episode_id, a.measure_id, s.client_id, count(a.total),
              (array_agg(a.total order by s.starts_at, a.recorded_at, a.id))[1],
              min(s.starts_at), (array_agg(a.recorded_at order by s.starts_at, a.recorded_at, a.id))[1],
              (array_agg(a.id order by s.starts_at, a.recorded_at, a.id))[1],
              (array_agg(a.total order by s.starts_at desc, a.recorded_at desc, a.id desc))[1],
              (array_agg(a.band order by s.starts_at desc, a.recorded_at desc, a.id desc))[1],
              max(s.starts_at),
              (array_agg(a.recorded_at order by s.starts_at desc, a.recorded_at desc, a.id desc))[1],
              (array_agg(a.id order by s.starts_at desc, a.recorded_at desc, a.id desc))[1], bool_or(a.risk)
            from measure_answer a join client_session s on s.id = a.session_id
            where not exists (select 1 from episode_scores k where k.episode_id = s.episode_id)
            group by s.tenant_id, s.episode_id, s.client_id, a.measure_id""",
            // The registration's entry, dated as it is written (a chain's entries never go back in time);
            // the server seals it into the tenant's chain.
            """
            with registered as (
              insert into audit_event (tenant_id, id, actor_type, actor_id, actor_role, action, target, outcome,
                address, user_agent, request_id)
              select c.tenant_id, gen_random_uuid(), 'USER', ?, 'PRACTITIONER', 'client.created',
                'client:' || c.code, 'SUCCESS', '10.0.0.' || (abs(hashtext(c.code)) % 250), 'Mozilla/5.0 bench',
                gen_random_uuid()::text
              from client c
              where not exists (select 1 from audit_event a where a.target = 'client:' || c.code
                and a.action = 'client.created')
              returning tenant_id, id)
            insert into audit_pending (tenant_id, event_id) select tenant_id, id from registered""");

    /** Waits until the server has sealed every seeded audit entry into its tenant's chain, then analyses. */
    static void awaitSealedTrail(Server server) throws Exception {
        while (true) {
            try (Connection connection = Jdbc.connect(server);
                    PreparedStatement count = connection.prepareStatement("select count(*) from audit_pending");
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    break;
                }
            }
            Thread.sleep(500);
        }
        try (Connection connection = Jdbc.connectAsOwner(server);
                PreparedStatement analyse = connection.prepareStatement("analyze")) {
            analyse.execute();
        }
    }

    String newestClient(Server server) throws Exception {
        return client(server, "select code from client order by created_at desc, id desc limit 1", 0);
    }

    String scoredClient(Server server) throws Exception {
        return client(server, "select c.code from client c where exists (select 1 from measure_answer a"
                + " where a.client_id = c.id) order by c.created_at desc offset ? limit 1", 0);
    }

    /** The client a quarter of the way down the newest-first caseload. */
    String clientAtQuarterDepth(Server server) throws Exception {
        return client(server, "select code from client order by created_at desc, id desc offset ? limit 1",
                clients() / 4);
    }

    private String client(Server server, String sql, int offset) throws Exception {
        try (Connection connection = Jdbc.connect(server)) {
            Jdbc.setTenant(connection, id.toString());
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                if (sql.contains("?")) {
                    query.setInt(1, offset);
                }
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return new PseudonymCode(rows.getString(1)).toString();
                }
            } finally {
                connection.commit();
            }
        }
    }

    private static List<UUID> uuids(Connection connection, String sql) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add((UUID) rows.getObject(1));
            }
        }
        return ids;
    }

    /**
     * Seals as the server does (Keyring and FieldAddress in the keys module): a key per client,
     * generated and wrapped under the tenant's data key with the same Tink calls and context, and
     * each value sealed under it with its field address as associated data. The tenant's data key
     * is unwrapped by the server's own keyring (package-private, reached by reflection) over the
     * seeding connection; the client keys are written in batches rather than one look-up and
     * insert each, which is what makes a million clients quick to seed.
     */
    private static final class Sealer implements AutoCloseable {

        private final TenantId tenant;
        private final Aead tenantAead;
        private final Method associatedData;
        private final PreparedStatement keys;
        private final Map<UUID, Aead> clientKeys = new HashMap<>();

        Sealer(Server server, Connection connection, UUID tenant) throws Exception {
            this.tenant = new TenantId(tenant);
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            Constructor<DataDirectory> directory = DataDirectory.class.getDeclaredConstructor(String.class);
            directory.setAccessible(true);
            Constructor<MasterKey> master = MasterKey.class.getDeclaredConstructor(DataDirectory.class, String.class);
            master.setAccessible(true);
            Class<?> keyringType = Class.forName("org.trackwell.keys.Keyring");
            Constructor<?> keyringConstructor = keyringType.getDeclaredConstructor(
                    TenantKeyRows.class, ClientKeyRows.class, MasterKey.class, Clock.class);
            keyringConstructor.setAccessible(true);
            Object keyring = keyringConstructor.newInstance(new TenantKeyRows(jdbc), new ClientKeyRows(jdbc),
                    master.newInstance(directory.newInstance(server.dataDirectory.toString()), ""), Clock.systemUTC());
            Method tenantKeys = keyringType.getDeclaredMethod("keys", TenantId.class);
            tenantKeys.setAccessible(true);
            try (CurrentTenant.Scope scope = CurrentTenant.enter(this.tenant)) {
                Object unwrapped = tenantKeys.invoke(keyring, this.tenant);
                Method aead = unwrapped.getClass().getDeclaredMethod("aead");
                aead.setAccessible(true);
                this.tenantAead = (Aead) aead.invoke(unwrapped);
            }
            this.associatedData = FieldAddress.class.getDeclaredMethod("associatedData");
            associatedData.setAccessible(true);
            this.keys = connection.prepareStatement(
                    "insert into client_data_key (tenant_id, client_id, aead_keyset, created_at) values (?, ?, ?, now())");
        }

        byte[] seal(UUID client, UUID answer, String json) throws Exception {
            FieldAddress address = FieldAddress.ofClient(tenant, client, "measure_answer", "answers", answer.toString());
            return clientKey(client).encrypt(json.getBytes(StandardCharsets.UTF_8),
                    (byte[]) associatedData.invoke(address));
        }

        private Aead clientKey(UUID client) throws Exception {
            Aead known = clientKeys.get(client);
            if (known != null) {
                return known;
            }
            KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] context = (tenant + "/" + client).getBytes(StandardCharsets.UTF_8);
            keys.setObject(1, tenant.value());
            keys.setObject(2, client);
            keys.setBytes(3, TinkProtoKeysetFormat.serializeEncryptedKeyset(key, tenantAead, context));
            keys.addBatch();
            Aead aead = key.getPrimitive(RegistryConfiguration.get(), Aead.class);
            clientKeys.put(client, aead);
            return aead;
        }

        @Override
        public void close() throws Exception {
            keys.executeBatch();
            keys.close();
        }
    }
}
