package org.trackwell.web;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.trackwell.support.Api;
import org.trackwell.web.Caller.Body;
import org.trackwell.web.Targets.Ref;

/**
 * How the matrix calls one route: what each path variable names, the query and body for a
 * variant's targets, and what must be new for each call so that the call finds the state it needs
 * (an episode still open to close, a dose not yet corrected).
 */
record RouteCall(
        String route,
        Map<String, Function<Targets, String>> variables,
        Function<Targets, String> query,
        Function<Targets, Body> body,
        MatrixWorld.@Nullable Fresh fresh,
        boolean namesInBody,
        boolean sessionOfItsOwn) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z]+)}");
    private static final Map<String, Function<Targets, String>> USUAL = Map.of(
            "code", named(Ref.CLIENT),
            "episode", named(Ref.EPISODE),
            "session", named(Ref.SESSION),
            "goal", named(Ref.GOAL),
            "link", named(Ref.CHART_LINK),
            "flag", named(Ref.FLAG),
            "medicine", named(Ref.MEDICINE),
            "measure", named(Ref.MEASURE),
            "token", named(Ref.MEASURE_TOKEN));

    /** A call with no query or body, whose path variables mean what they usually do. */
    static RouteCall of(String route) {
        return new RouteCall(route, USUAL, targets -> "", targets -> Body.NONE, null, false, false);
    }

    private static Function<Targets, String> named(Ref ref) {
        return targets -> targets.get(ref);
    }

    String method() {
        return route.substring(0, route.indexOf(' '));
    }

    String pattern() {
        return route.substring(route.indexOf(' ') + 1);
    }

    /** Whether the route names something (a client, team, user, link...) that the variants change. */
    boolean refers() {
        return namesInBody || pattern().contains("{");
    }

    String target(Targets targets) {
        Matcher matcher = VARIABLE.matcher(pattern());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            Function<Targets, String> value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(
                        "RouteCalls must say what {" + matcher.group(1) + "} names in " + route);
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value.apply(targets)));
        }
        matcher.appendTail(path);
        String query = this.query.apply(targets);
        return path + (query.isEmpty() ? "" : "?" + query);
    }

    RouteCall id(Ref ref) {
        return variable("id", named(ref));
    }

    RouteCall variable(String name, Ref ref) {
        return variable(name, named(ref));
    }

    RouteCall variable(String name, Function<Targets, String> value) {
        Map<String, Function<Targets, String>> changed = new HashMap<>(variables);
        changed.put(name, value);
        return new RouteCall(route, changed, query, body, fresh, namesInBody, sessionOfItsOwn);
    }

    RouteCall query(Function<Targets, String> query) {
        return new RouteCall(route, variables, query, body, fresh, namesInBody, sessionOfItsOwn);
    }

    RouteCall json(Function<Targets, Object> json) {
        return new RouteCall(
                route,
                variables,
                query,
                targets -> new Body.Json(Api.json(json.apply(targets))),
                fresh,
                namesInBody,
                sessionOfItsOwn);
    }

    RouteCall form(Function<Targets, Map<String, String>> form) {
        return new RouteCall(
                route,
                variables,
                query,
                targets -> new Body.Form(form.apply(targets)),
                fresh,
                namesInBody,
                sessionOfItsOwn);
    }

    /** The body is the bytes of a file: as the API takes it, or as a page's upload form sends it. */
    RouteCall file(String contentType, byte[] bytes, boolean asUpload) {
        Body file = asUpload
                ? new Body.Upload("photo", "photo.png", contentType, bytes)
                : new Body.Bytes(contentType, bytes);
        return new RouteCall(route, variables, query, targets -> file, fresh, namesInBody, sessionOfItsOwn);
    }

    RouteCall fresh(MatrixWorld.Fresh fresh) {
        return new RouteCall(route, variables, query, body, fresh, namesInBody, sessionOfItsOwn);
    }

    /** The query or body names a client or team, so the variants change it. */
    RouteCall refersInBody() {
        return new RouteCall(route, variables, query, body, fresh, true, sessionOfItsOwn);
    }

    /** The call ends or changes the caller's session or password: each caller makes it on a session of its own. */
    RouteCall ownSession() {
        return new RouteCall(route, variables, query, body, fresh, namesInBody, true);
    }
}
