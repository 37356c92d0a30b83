package org.trackwell.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI 3.1 description, served at {@value PublicApiRoutes#DESCRIPTION} and kept in
 * docs/openapi.json (docs/api.md). springdoc reads the controllers; this adds what it cannot see:
 * how each operation authenticates, the scope a service account needs for it, and the
 * problem+json answers every operation can give.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDescription {

    static final String SESSION = "session";
    static final String API_KEY = "apiKey";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI trackwellApi() {
        return new OpenAPI()
                .info(new Info().title("Trackwell API").version("v1").description("""
                                Everything Trackwell's pages do, for other systems. Each tenant has its \
                                own host, and every call names the tenant by that host. docs/api.md has \
                                the versioning and deprecation rules and the changelog."""))
                .servers(List.of(new Server().url("/").description("The tenant's own host")))
                .components(new Components()
                        .addSecuritySchemes(
                                SESSION,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A person's session token, from POST /api/v1/auth/login."))
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("twk_…")
                                        .description("""
                                        A service account's key, made by a tenant admin under \
                                        Settings, API clients. The requirement lists the one scope \
                                        the operation needs; an operation without one is not \
                                        open to service accounts.""")));
    }

    /**
     * The problem schema is added here, with the answers that refer to it: springdoc replaces the
     * schemas of the bean above with those it finds in the controllers.
     */
    @Bean
    OpenApiCustomizer authenticationAndProblems(ApiScopes scopes) {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> describe(scopes, path, method, operation)));
        };
    }

    private static void describe(ApiScopes scopes, String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = PublicApiRoutes.PATTERNS.contains(path);
        if (open) {
            operation.setSecurity(List.of());
        } else {
            SecurityRequirement person = new SecurityRequirement().addList(SESSION);
            operation.setSecurity(scopes.scopeOf(method.name(), path)
                    .map(scope -> List.of(person, new SecurityRequirement().addList(API_KEY, scope.code())))
                    .orElse(List.of(person)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problem(responses, "400", "The request was refused: the detail and errors say why, in words.");
        if (!open) {
            problem(responses, "401", "No valid session or key. The answer never says whether an account exists.");
            problem(responses, "403", "The caller may not do this (role, team or scope).");
        } else if (path.contains("/login")) {
            problem(responses, "401", "The sign-in was refused. The answer never says whether an account exists.");
        }
        problem(responses, "404", """
                Nothing by that name within the caller's reach, or nothing to read yet; also the answer \
                of every route on a host it is not served on (the operator's routes answer on the \
                operator's host only, the tenants' on a tenant's host only).""");
        if (method != PathItem.HttpMethod.GET) {
            problem(
                    responses,
                    "409",
                    "The change conflicts with the state of what it names: already done, closed, or not there to change.");
            problem(responses, "422", """
                    Understood but not done as it stands: a second factor that does not match, a step \
                    taken out of order, or text that looks as if it identifies someone (send it again \
                    with acknowledgeIdentifying if it does not).""");
        }
        problem(responses, "429", "Too many calls; wait and try again.");
        operation.setResponses(responses);
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(
                    status,
                    new ApiResponse()
                            .description(description)
                            .content(new Content()
                                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
        }
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem. Never carries a stack trace, SQL, a class name or a version.")
                .properties(Map.of(
                        "type", new StringSchema().description("about:blank: the status says what happened"),
                        "title", new StringSchema().description("The status's reason phrase"),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema().description("What went wrong, in words a person can act on"),
                        "instance", new StringSchema().description("The path that was called"),
                        "errors",
                                new ArraySchema()
                                        .items(new StringSchema())
                                        .description("One line per refused field, naming it")))
                .required(List.of("status", "title"));
    }
}
