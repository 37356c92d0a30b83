package org.trackwell.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.trackwell.tenancy.TenantResolutionFilter;
import org.trackwell.tenancy.Tenants;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfiguration {

    @Bean
    SecurityFilterChain pages(HttpSecurity http, Tenants tenants) throws Exception {
        http.headers(SecurityHeaders.all())
                .addFilterAfter(new TenantResolutionFilter(tenants), HeaderWriterFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        (request, response, failure) -> response.sendError(HttpStatus.UNAUTHORIZED.value())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers("/", "/health", "/error", "/assets/**", "/webjars/**")
                                .permitAll()
                                .anyRequest()
                                .authenticated());
        return http.build();
    }
}
