package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackwell.support.MappedRoutes.ANY_METHOD;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.trackwell.TrackwellApplication;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Https;
import org.trackwell.support.MappedRoutes;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import org.trackwell.web.Caller.Body;
import org.trackwell.web.MatrixWorld.Variant;

/**
 * Every page, as every role sees it in a tenant with records in every module (the authorisation
 * matrix's world), speaks the users' words: no code of one of Trackwell's enums, no UUID and no
 * machine timestamp in its visible text.
 */
@TrackwellTest
class PlainWordsIT {

    private static final Pattern UUID =
            Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b|\\d{2}:\\d{2}:\\d{2}\\.\\d{3,9}|\\d{2}:\\d{2}(:\\d{2})?Z\\b");
    private static final Pattern UPPER_WORD = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z0-9]+_[A-Z0-9_]+");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|template)\\b.*?</\\1>|<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    /** Pages that are not pages of words: files, images, and the API's own pages. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/(api|health|assets|webjars|error|actuator)\\b|\\.(pdf|svg|png|csv)$|/photo$|/qr$|/chart$");

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Test
    void noPageShowsAnEnumCodeAUuidOrAMachineTimestamp() throws Exception {
        Set<String> codes = enumCodes();
        List<String> problems = new ArrayList<>();
        int pages = 0;
        try (Https https = new Https(port)) {
            MatrixWorld world = new MatrixWorld(https, tenants, accounts, context, clock);
            Map<String, RouteCall> known = RouteCalls.all(world);
            Targets own = world.targets(Variant.OWN);
            for (String route : MappedRoutes.of(context)) {
                RouteCall call = known.getOrDefault(route, RouteCall.of(route));
                boolean get = call.method().equals("GET") || call.method().equals(ANY_METHOD);
                if (!get || NOT_A_PAGE.matcher(call.pattern()).find()) {
                    continue;
                }
                for (Caller caller : world.callers().values()) {
                    HttpResponse<String> page = caller.send(https, "GET", call.target(own), Body.NONE);
                    boolean html =
                            page.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
                    if (page.statusCode() != 200 || !html) {
                        continue;
                    }
                    pages++;
                    String text = visibleText(page.body());
                    for (String found : machineWords(text, codes)) {
                        if (route.equals("GET /audit") && found.startsWith("a UUID")) {
                            // The trail names people and things by id, never by name (docs/audit.md),
                            // and its page shows entries as the exports and verification name them.
                            continue;
                        }
                        problems.add(route + " as " + caller.column() + ": " + found);
                    }
                }
            }
        }
        assertThat(pages).as("pages read").isGreaterThan(50);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    /** Names people know files by, which are also the constants of the export formats. */
    private static final Set<String> FORMAT_NAMES = Set.of("XLSX", "JSON", "FHIR");

    static List<String> machineWords(String text, Set<String> codes) {
        List<String> found = new ArrayList<>();
        UUID.matcher(text).results().forEach(m -> found.add("a UUID, " + m.group()));
        TIMESTAMP.matcher(text).results().forEach(m -> found.add("a machine date or timestamp, " + around(text, m)));
        Matcher word = UPPER_WORD.matcher(text);
        while (word.find()) {
            String w = word.group();
            boolean partOfAName = (word.start() > 0 && text.charAt(word.start() - 1) == '-')
                    || (word.end() < text.length() && text.charAt(word.end()) == '-');
            if (!partOfAName && (UPPER_SNAKE.matcher(w).matches() || codes.contains(w))) {
                found.add("an enum code, " + around(text, word));
            }
        }
        return found;
    }

    private static String around(String text, java.util.regex.MatchResult match) {
        return "\""
                + text.substring(Math.max(0, match.start() - 30), Math.min(text.length(), match.end() + 30))
                        .replaceAll("\\s+", " ")
                + "\"";
    }

    static String visibleText(String html) {
        String text = TAG.matcher(HIDDEN.matcher(html).replaceAll(" ")).replaceAll(" ");
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /**
     * The constants of every enum of Trackwell's own, four letters or more: the words a page would
     * show if it printed a value's code instead of its words (short ones, such as MAR codes, are words).
     */
    static Set<String> enumCodes() throws IOException, URISyntaxException {
        Path classes = Path.of(TrackwellApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, PlainWordsIT.class.getClassLoader());
                    if (type.isEnum()) {
                        for (Object constant : type.getEnumConstants()) {
                            String code = ((Enum<?>) constant).name();
                            if (code.length() >= 4 && code.equals(code.toUpperCase(java.util.Locale.ROOT))) {
                                codes.add(code);
                            }
                        }
                    }
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    // A class the test cannot load on its own is no enum a page shows.
                }
            }
        }
        codes.removeAll(FORMAT_NAMES);
        return codes;
    }
}
