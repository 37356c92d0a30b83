package org.trackwell.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("trackwell.identity")
public record IdentityProperties(@DefaultValue("72h") Duration setupLinkValidity) {}
