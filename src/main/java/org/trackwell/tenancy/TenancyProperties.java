package org.trackwell.tenancy;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseDomain each tenant is reachable at {@code {slug}.{baseDomain}}; the bare base domain is
 *     the operator's host
 * @param publicPort the HTTPS port users reach, when it differs from the server's own port (behind
 *     a load balancer, usually 443)
 */
@ConfigurationProperties("trackwell.tenancy")
public record TenancyProperties(
        @DefaultValue("localhost") String baseDomain,
        @Nullable Integer publicPort) {}
