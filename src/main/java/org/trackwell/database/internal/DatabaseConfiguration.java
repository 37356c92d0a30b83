package org.trackwell.database.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.trackwell.database.DatabaseLocation;
import org.trackwell.database.DatabaseProperties;
import org.trackwell.database.EmbeddedCluster;
import org.trackwell.shared.DataDirectory;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** A request waits at most this long for a connection, so an outage answers 503 within 2 s. */
    private static final long CONNECTION_WAIT_MILLIS = 1_500;

    @Bean(destroyMethod = "close")
    @Nullable
    EmbeddedPostgresServer embeddedPostgresServer(
            DatabaseProperties properties, DataDirectory dataDirectory, SecureRandom random) {
        if (!properties.embedded()) {
            return null;
        }
        Path binaries = properties.embeddedBinaries() != null
                ? Path.of(properties.embeddedBinaries())
                : dataDirectory.root().resolve("postgres-binaries");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.open(
                new EmbeddedPostgresServer.Settings(
                        dataDirectory.root(),
                        properties.embeddedPort(),
                        !properties.unsafeAllowLostWrites(),
                        binaries,
                        properties.attachToRunningService(),
                        properties.archiveWal() ? properties.archiveTimeout() : null),
                random);
        try {
            RoleBootstrap.ensureRolesAndDatabase(
                    server.superuser(),
                    EmbeddedPostgresServer.DATABASE,
                    properties.ownerUsername(),
                    properties.username(),
                    server.passwords());
            RoleBootstrap.installAmcheck(server.superuser(EmbeddedPostgresServer.DATABASE), properties.ownerUsername());
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Bean
    @Nullable
    EmbeddedCluster embeddedCluster(@Nullable EmbeddedPostgresServer embedded) {
        return embedded == null
                ? null
                : new EmbeddedCluster(
                        embedded.dataDirectory(),
                        embedded.walSpool(),
                        embedded.archiving(),
                        embedded.superuser(),
                        embedded.binaries());
    }

    @Bean
    DatabaseLocation databaseLocation(DatabaseProperties properties, @Nullable EmbeddedPostgresServer embedded) {
        String url = embedded != null
                ? embedded.jdbcUrl(EmbeddedPostgresServer.DATABASE)
                : Objects.requireNonNull(properties.url(), "without the embedded server, the url is given");
        return new DatabaseLocation(url, properties.username(), properties.ownerUsername(), embedded != null);
    }

    @Bean
    @Primary
    DataSource dataSource(
            DatabaseProperties properties, DatabaseLocation location, @Nullable EmbeddedPostgresServer embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("trackwell");
        dataSource.setJdbcUrl(location.jdbcUrl());
        dataSource.setUsername(properties.username());
        String password = embedded != null ? embedded.passwords().runtime() : properties.password();
        if (password != null) {
            dataSource.setPassword(password);
        }
        dataSource.setMaximumPoolSize(properties.poolSize());
        dataSource.setAutoCommit(true);
        dataSource.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
        dataSource.setValidationTimeout(1_000);
        dataSource.addDataSourceProperty("connectTimeout", "2");
        dataSource.addDataSourceProperty("tcpKeepAlive", "true");
        // A database that vanishes without closing its connections (a network cut, a failover)
        // must not hold a request for ever; no query of ours runs near this long.
        dataSource.addDataSourceProperty("socketTimeout", "600");
        // pgjdbc's defaults, stated: a statement is prepared on the server at its 5th run on a
        // connection, and each connection keeps 256. The hot statements (session, admission,
        // audit, tenant) are a few dozen, so all stay prepared; with 10 connections each reaches
        // the 5th run within the first 50 requests (docs/operations.md).
        dataSource.addDataSourceProperty("prepareThreshold", "5");
        dataSource.addDataSourceProperty("preparedStatementCacheQueries", "256");
        dataSource.setExceptionOverride(new DemotedPrimaryEviction());
        try {
            Durability.requireSafe(dataSource, properties.unsafeAllowLostWrites());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    @Bean
    @FlywayDataSource
    DataSource ownerDataSource(
            DatabaseProperties properties, DatabaseLocation location, @Nullable EmbeddedPostgresServer embedded) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(org.postgresql.Driver.class);
        dataSource.setUrl(location.jdbcUrl());
        dataSource.setUsername(properties.ownerUsername());
        String password = embedded != null ? embedded.passwords().owner() : properties.ownerPassword();
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    @Bean
    DatabaseWatch databaseWatch(
            DataSource dataSource,
            DatabaseProperties properties,
            DatabaseLocation location,
            DataDirectory dataDirectory,
            @Nullable EmbeddedPostgresServer embedded) {
        String password = embedded != null ? embedded.passwords().runtime() : properties.password();
        ProbeConnection probe = new ProbeConnection(location.jdbcUrl(), properties.username(), password);
        return new DatabaseWatch(dataSource, probe, properties, dataDirectory, embedded);
    }

    @Bean
    FlywayConfigurationCustomizer runtimeRolePlaceholder(DatabaseProperties properties) {
        return (FluentConfiguration configuration) ->
                configuration.placeholders(Map.of("runtimeRole", properties.username()));
    }

    /**
     * A node refuses to start on a schema newer than its code (a newer node has migrated it): Flyway
     * would otherwise ignore the migrations it does not know and serve a schema it was not written for.
     */
    @Bean
    FlywayConfigurationCustomizer refuseNewerSchema() {
        return (FluentConfiguration configuration) -> configuration.ignoreMigrationPatterns(new String[0]);
    }

    @Bean
    PlatformTransactionManager transactionManager(
            DataSource dataSource, MeterRegistry meters, DatabaseProperties properties) {
        return new TenantScopedTransactionManager(dataSource, meters, properties.poolSize(), CONNECTION_WAIT_MILLIS);
    }
}
