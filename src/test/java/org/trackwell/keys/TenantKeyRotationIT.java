package org.trackwell.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.identity.Accounts;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestData;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class TenantKeyRotationIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    private final JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());

    @Test
    void rotatingATenantKeyWhileNotesAreWrittenLosesNothing() throws Exception {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "tenantkey");
        String admin = api.signInAsAdmin();
        Api.Authenticator app = api.enrolTotp(admin, clock.instant());
        String team = api.newTeam(admin, "Rotation Team");
        String practitioner =
                api.signIn(api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(Api.read(api.post(
                            "/api/v1/clients", Api.json(Map.of("teamId", team, "reference", "R-" + i)), practitioner))
                    .get("code")
                    .asString());
        }
        int keyBefore = primaryKeyId(api);

        Set<String> written = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                int n = counter.incrementAndGet();
                String text = "Note " + n + " during rotation.";
                HttpResponse<String> saved = api.post(
                        "/api/v1/clients/" + codes.get(n % codes.size()) + "/notes",
                        Api.json(Map.of("text", text)),
                        practitioner);
                if (saved.statusCode() == 204) {
                    written.add(text);
                }
            }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OperatorCommandLine.execute(
                context,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "keys",
                "rotate",
                "--tenant",
                api.tenant().slug(),
                "--settle-seconds",
                "1");
        writing.set(false);
        writer.join();

        assertThat(exit).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("20 client keys wrapped", "1 fields sealed again");
        assertThat(written).hasSizeGreaterThan(5);
        assertThat(counter.get()).as("every write was accepted").isEqualTo(written.size());
        Set<String> read = ConcurrentHashMap.newKeySet();
        for (String code : codes) {
            HttpResponse<String> notes = api.get("/api/v1/clients/" + code + "/notes", practitioner);
            assertThat(notes.statusCode()).isEqualTo(200);
            Api.read(notes).forEach(note -> read.add(note.get("text").asString()));
        }
        assertThat(read).containsAll(written);

        assertThat(primaryKeyId(api)).isNotEqualTo(keyBefore);
        assertThat(keyset(api).size()).as("the old key is destroyed").isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(api.secondFactor(api.challenge(api.adminEmail(), Api.GOOD_PASSWORD), app.codeAt(clock.instant()))
                        .statusCode())
                .as("the authenticator secret, sealed again, still works")
                .isEqualTo(200);
        assertThat(superuser
                        .sql("select count(*) from audit_event where tenant_id = ? and action = 'keys.tenant-rotated'")
                        .param(api.tenant().id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private int primaryKeyId(Api api) throws Exception {
        return keyset(api).getPrimary().getId();
    }

    private KeysetHandle keyset(Api api) throws Exception {
        byte[] wrapped = superuser
                .sql("select aead_keyset from tenant_data_key where tenant_id = ?")
                .param(api.tenant().id().value())
                .query(byte[].class)
                .single();
        Aead master = TinkJsonProtoKeysetFormat.parseKeyset(
                        Files.readString(TestData.DIRECTORY.resolve("keys/master-keyset.json")),
                        InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        return TinkProtoKeysetFormat.parseEncryptedKeyset(
                wrapped, master, api.tenant().id().toString().getBytes(StandardCharsets.UTF_8));
    }
}
