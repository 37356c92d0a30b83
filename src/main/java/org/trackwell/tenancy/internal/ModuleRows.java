package org.trackwell.tenancy.internal;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.OptionalModule;

/** The current tenant's modules switched off; a module without a row is on. */
@Repository
public class ModuleRows {

    private final JdbcClient jdbc;

    ModuleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<OptionalModule> off() {
        Set<OptionalModule> off = EnumSet.noneOf(OptionalModule.class);
        jdbc.sql("select module from module_used where not used")
                .query((row, n) -> OptionalModule.valueOf(row.getString(1)))
                .list()
                .forEach(off::add);
        return off;
    }

    public void save(TenantId tenant, OptionalModule module, boolean used) {
        jdbc.sql("""
                insert into module_used (tenant_id, module, used) values (:tenant, :module, :used)
                on conflict (tenant_id, module) do update set used = excluded.used""")
                .param("tenant", tenant.value())
                .param("module", module.name())
                .param("used", used)
                .update();
    }
}
