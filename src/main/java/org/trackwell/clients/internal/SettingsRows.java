package org.trackwell.clients.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;

@Repository
public class SettingsRows {

    private final JdbcClient jdbc;

    SettingsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClientSettings> find() {
        return jdbc.sql("select * from client_settings")
                .query((row, n) -> new ClientSettings(
                        parse(row.getString("identifiers"), Identifier.class),
                        parse(row.getString("demographics"), Demographic.class),
                        row.getObject("open_case_cap", Integer.class)))
                .optional();
    }

    public void save(TenantId tenant, ClientSettings settings) {
        jdbc.sql("""
                insert into client_settings (tenant_id, identifiers, demographics, open_case_cap)
                values (:tenant, :identifiers, :demographics, :cap)
                on conflict (tenant_id) do update set identifiers = excluded.identifiers,
                  demographics = excluded.demographics, open_case_cap = excluded.open_case_cap""")
                .param("tenant", tenant.value())
                .param("identifiers", join(settings.identifiers()))
                .param("demographics", join(settings.demographics()))
                .param("cap", settings.openCaseCap())
                .update();
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> parse(String joined, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).forEach(s -> values.add(Enum.valueOf(type, s)));
        return values;
    }
}
