package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.trackwell.support.Fixtures;
import org.trackwell.support.Https;
import org.trackwell.support.MappedRoutes;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's description as an integrator gets it, before having any key: served without sign-in
 * on a tenant's host, covering every API route, and the same as docs/openapi.json, so that every
 * change to the API shows in review. Run with {@code -Dapi.docs.write=true} to rewrite the file.
 */
@TrackwellTest
class ApiDescriptionIT {

    static final Path DOCS = Path.of("docs/openapi.json");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    ApplicationContext context;

    @Test
    void theCommittedDescriptionIsTheServedOne() throws IOException {
        String served = served().body().strip() + "\n";
        if (Boolean.getBoolean("api.docs.write")) {
            Files.writeString(DOCS, served);
        }
        assertThat(Files.readString(DOCS))
                .as("docs/openapi.json (rewrite it with -Dapi.docs.write=true, see docs/api.md)")
                .isEqualTo(served);
    }

    @Test
    void describesEveryApiRouteWithItsAuthenticationAndProblems() {
        HttpResponse<String> response = served();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode api = JsonMapper.builder().build().readTree(response.body());
        assertThat(api.get("openapi").asString()).startsWith("3.1");
        Set<String> described = new TreeSet<>();
        api.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String route = operation.getKey().toUpperCase() + " " + path.getKey();
                    described.add(route);
                    JsonNode responses = operation.getValue().get("responses");
                    assertThat(responses.has("429"))
                            .as(route + " says it may be rate-limited")
                            .isTrue();
                    assertThat(responses.get("400").path("content").has("application/problem+json"))
                            .as(route + " describes its refusals as problem+json")
                            .isTrue();
                    assertThat(operation.getValue().has("security"))
                            .as(route + " says how it authenticates")
                            .isTrue();
                }));
        Set<String> routes = new TreeSet<>();
        MappedRoutes.of(context).stream()
                .filter(route -> route.contains(" /api/v1/"))
                .forEach(routes::add);
        assertThat(described).containsAll(routes);
        assertThat(api.at("/components/securitySchemes").has("session")).isTrue();
        assertThat(api.at("/components/securitySchemes").has("apiKey")).isTrue();
    }

    /**
     * The description names each schema by its simple class name, so two types of one name would
     * silently share one schema: every type an API route reads or answers has a name of its own.
     */
    @Test
    void everyTypeTheApiReadsOrAnswersHasItsOwnName() {
        Map<String, Set<String>> byName = new TreeMap<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                boolean api = info.getPatternValues().stream().anyMatch(pattern -> pattern.startsWith("/api/"));
                if (!api) {
                    return;
                }
                Set<Class<?>> seen = new HashSet<>();
                collect(handler.getMethod().getGenericReturnType(), seen);
                for (MethodParameter parameter : handler.getMethodParameters()) {
                    if (parameter.hasParameterAnnotation(RequestBody.class)) {
                        collect(parameter.getGenericParameterType(), seen);
                    }
                }
                seen.stream()
                        .filter(type -> !type.isEnum())
                        .forEach(type -> byName.computeIfAbsent(type.getSimpleName(), name -> new TreeSet<>())
                                .add(type.getName()));
            });
        }
        byName.values().removeIf(types -> types.size() == 1);
        // Enumerations are written out where they are used, not as shared schemas.
        assertThat(byName)
                .as("types the API uses that share a simple name (rename one)")
                .isEmpty();
    }

    private static void collect(Type type, Set<Class<?>> seen) {
        switch (type) {
            case ParameterizedType generic -> {
                collect(generic.getRawType(), seen);
                for (Type argument : generic.getActualTypeArguments()) {
                    collect(argument, seen);
                }
            }
            case WildcardType wildcard -> {
                for (Type bound : wildcard.getUpperBounds()) {
                    collect(bound, seen);
                }
            }
            case Class<?> plain when plain.isArray() -> collect(plain.getComponentType(), seen);
            case Class<?> plain
            when plain.getName().startsWith("org.trackwell.") -> {
                if (seen.add(plain) && plain.isRecord()) {
                    for (RecordComponent component : plain.getRecordComponents()) {
                        collect(component.getGenericType(), seen);
                    }
                }
            }
            default -> {}
        }
    }

    private HttpResponse<String> served() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("openapi"), "Service openapi");
        try (Https https = new Https(port)) {
            return https.get(tenant.slug() + ".localhost", "/api/openapi.json", "Accept", "application/json");
        }
    }
}
