package org.trackwell.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.trackwell.audit.AuditRequestFilter;
import org.trackwell.audit.AuditTrail;
import org.trackwell.identity.AccountGate;
import org.trackwell.identity.Operators;
import org.trackwell.identity.ServiceAccounts;
import org.trackwell.identity.SessionCookie;
import org.trackwell.identity.Sessions;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.TokenAuthenticationFilter;
import org.trackwell.identity.TokenAuthenticationFilter.Carrier;
import org.trackwell.shared.ErrorDetail;
import org.trackwell.tenancy.TenantResolutionFilter;
import org.trackwell.tenancy.Tenants;

/**
 * Two filter chains with one order of filters: headers, tenant from the host, token, then the
 * authorisation rules; and a third, apart, for the management server's own port. The API takes the token only as a bearer header and needs no CSRF token;
 * pages take it only from the session cookie and every form carries a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class WebSecurityConfiguration {

    private static final AccessDeniedHandler FORBIDDEN =
            (request, response, denied) -> response.sendError(HttpStatus.FORBIDDEN.value());

    /** A form without its token is a request we cannot read safely, not a person without access. */
    private static final AccessDeniedHandler FORBIDDEN_OR_STALE_FORM = (request, response, denied) -> {
        if (denied instanceof CsrfException) {
            ErrorDetail.send(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST.value(),
                    "This form has expired or did not come from Trackwell. Reload the page and try again.");
        } else {
            FORBIDDEN.handle(request, response, denied);
        }
    };

    /**
     * Every route but the operator's is a tenant's: a signed-in operator, who never acts inside a
     * tenant, is refused them on the operator's host as on any other. A service account is also
     * held to the routes its scopes allow.
     */
    private static AuthorizationManager<RequestAuthorizationContext> tenantCaller(ApiScopes scopes) {
        return (authentication, context) ->
                new AuthorizationDecision(authentication.get().getPrincipal() instanceof SignedInUser user
                        && (!user.serviceAccount() || scopes.allows(context.getRequest(), user.scopes())));
    }

    /**
     * No observation around each security filter, authorisation and sign-in: they cost about a
     * tenth of a signed-in request's CPU (docs/performance.md, "Audited write (session 10)"), and
     * every request is already timed by its route ({@code http_server_requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The management server (metrics and health for Prometheus) listens on a port of its own, on
     * the loopback unless the operator binds it elsewhere, and serves no tenant: no host is
     * resolved, nobody signs in, and it answers only its two read-only endpoints.
     */
    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http, Environment environment) throws Exception {
        ManagementServerRequests.refuseUnsafe(environment);
        AccessDeniedHandler notFound = (request, response, denied) -> response.sendError(HttpStatus.NOT_FOUND.value());
        http.securityMatcher(new ManagementServerRequests())
                .headers(SecurityHeaders.all())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {})
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, failure) -> response.sendError(HttpStatus.NOT_FOUND.value()))
                        .accessDeniedHandler(notFound))
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/prometheus")
                                .permitAll()
                                .requestMatchers("/error")
                                .permitAll()
                                .anyRequest()
                                .denyAll());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            Tenants tenants,
            Sessions sessions,
            Operators operators,
            ServiceAccounts serviceAccounts,
            ApiScopes scopes,
            AuditTrail trail)
            throws Exception {
        common(http, tenants, trail)
                .securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(
                        new TokenAuthenticationFilter(sessions, operators, serviceAccounts, Carrier.BEARER_HEADER),
                        AuditRequestFilter.class)
                .addFilterAfter(new AccountGate(), TokenAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, failure) -> response.sendError(HttpStatus.UNAUTHORIZED.value()))
                        .accessDeniedHandler(FORBIDDEN))
                .authorizeHttpRequests(requests -> requests.requestMatchers(PublicApiRoutes.asSecurityPatterns())
                        .permitAll()
                        .requestMatchers("/api/v1/operator/**")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .access(tenantCaller(scopes)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            Tenants tenants,
            Sessions sessions,
            Operators operators,
            ServiceAccounts serviceAccounts,
            AuditTrail trail)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName(SessionCookie.CSRF_NAME);
        csrfTokens.setCookieCustomizer(
                cookie -> cookie.secure(true).sameSite("Strict").path("/"));
        common(http, tenants, trail)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // The token authenticates every request afresh; rotating the CSRF token on
                        // each would break every page's second form.
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .addFilterAfter(
                        new TokenAuthenticationFilter(sessions, operators, serviceAccounts, Carrier.COOKIE),
                        AuditRequestFilter.class)
                .addFilterAfter(new AccountGate(), TokenAuthenticationFilter.class)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in"))
                                .accessDeniedHandler(FORBIDDEN_OR_STALE_FORM))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/health",
                                "/health/liveness",
                                "/health/readiness",
                                "/error",
                                "/assets/**",
                                "/webjars/**",
                                "/sign-in",
                                "/sign-in/code",
                                "/sign-in/passkey/options",
                                "/sign-in/passkey",
                                "/account/setup",
                                "/operator/sign-in",
                                "/operator/sign-in/code",
                                "/account/forgot",
                                "/account/reset",
                                "/help",
                                "/c/*",
                                "/p/*",
                                // Served only by the management server: here it is a missing page,
                                // 404 on every host, signed in or not.
                                "/actuator/**")
                        .permitAll()
                        .requestMatchers("/operator/**")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    private static HttpSecurity common(HttpSecurity http, Tenants tenants, AuditTrail trail) throws Exception {
        return http.headers(SecurityHeaders.all())
                .addFilterAfter(new TenantResolutionFilter(tenants), HeaderWriterFilter.class)
                .addFilterAfter(new AuditRequestFilter(trail), TenantResolutionFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {});
    }
}
