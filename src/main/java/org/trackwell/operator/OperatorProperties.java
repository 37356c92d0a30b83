package org.trackwell.operator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param firstStart whether an empty installation creates its first tenant at start-up
 * @param firstTenantSlug the slug of that tenant
 * @param firstTenantName its display name
 * @param firstAdminEmail the e-mail of its first administrator
 */
@ConfigurationProperties("trackwell.operator")
public record OperatorProperties(
        @DefaultValue("true") boolean firstStart,
        @DefaultValue("demo") String firstTenantSlug,
        @DefaultValue("Demo Service") String firstTenantName,
        @DefaultValue("admin@demo.localhost") String firstAdminEmail) {}
