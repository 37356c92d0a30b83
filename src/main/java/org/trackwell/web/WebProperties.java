package org.trackwell.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param httpPort the plain-HTTP port, which only redirects to HTTPS; negative to serve none
 */
@ConfigurationProperties("trackwell.web")
public record WebProperties(@DefaultValue("8080") int httpPort) {}
