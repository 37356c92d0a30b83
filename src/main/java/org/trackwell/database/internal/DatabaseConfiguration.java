package org.trackwell.database.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
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
import org.trackwell.shared.DataDirectory;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Nullable
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties, DataDirectory dataDirectory) {
        if (!properties.embedded()) {
            return null;
        }
        Path directory =
                DataDirectory.createPrivateDirectory(dataDirectory.root().resolve("postgres"));
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(directory, properties.embeddedPort());
        RoleBootstrap.ensureRolesAndDatabase(
                server.superuser(), EmbeddedPostgresServer.DATABASE, properties.ownerUsername(), properties.username());
        return server;
    }

    @Bean
    DatabaseLocation databaseLocation(DatabaseProperties properties, @Nullable EmbeddedPostgresServer embedded) {
        String url = embedded != null ? embedded.jdbcUrl(EmbeddedPostgresServer.DATABASE) : properties.url();
        return new DatabaseLocation(url, properties.username(), properties.ownerUsername(), embedded != null);
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseProperties properties, DatabaseLocation location) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("trackwell");
        dataSource.setJdbcUrl(location.jdbcUrl());
        dataSource.setUsername(properties.username());
        if (properties.password() != null) {
            dataSource.setPassword(properties.password());
        }
        dataSource.setMaximumPoolSize(properties.poolSize());
        dataSource.setAutoCommit(true);
        return dataSource;
    }

    @Bean
    @FlywayDataSource
    DataSource ownerDataSource(DatabaseProperties properties, DatabaseLocation location) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(org.postgresql.Driver.class);
        dataSource.setUrl(location.jdbcUrl());
        dataSource.setUsername(properties.ownerUsername());
        if (properties.ownerPassword() != null) {
            dataSource.setPassword(properties.ownerPassword());
        }
        return dataSource;
    }

    @Bean
    FlywayConfigurationCustomizer runtimeRolePlaceholder(DatabaseProperties properties) {
        return (FluentConfiguration configuration) ->
                configuration.placeholders(Map.of("runtimeRole", properties.username()));
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new TenantScopedTransactionManager(dataSource);
    }
}
