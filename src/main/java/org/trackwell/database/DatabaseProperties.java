package org.trackwell.database;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is. With no {@code url}, Trackwell runs its own embedded PostgreSQL under the
 * data directory. With a URL, {@code username} is the runtime role (owns nothing, no BYPASSRLS) and
 * {@code ownerUsername} the role that owns the schema and runs the migrations.
 */
@ConfigurationProperties("trackwell.database")
public record DatabaseProperties(
        @Nullable String url,
        @DefaultValue("trackwell_app") String username,
        @Nullable String password,
        @DefaultValue("trackwell_owner") String ownerUsername,
        @Nullable String ownerPassword,
        @DefaultValue("54329") int embeddedPort,
        @DefaultValue("20") int poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    @Override
    public String toString() {
        return "DatabaseProperties[url=" + url + ", username=" + username + ", ownerUsername=" + ownerUsername + "]";
    }
}
