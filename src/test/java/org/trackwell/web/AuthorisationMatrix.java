package org.trackwell.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trackwell.web.MatrixWorld.Variant;

/**
 * The expected answers, read from {@value #RESOURCE}: one row per route (method and path pattern),
 * one column per caller. A cell is one outcome for every variant, or three separated by slashes:
 * own, other team, other tenant. An outcome is an HTTP status, or {@code sign-in} for a redirect to
 * the sign-in page.
 */
final class AuthorisationMatrix {

    static final String RESOURCE = "/authorisation-matrix.txt";

    private static final Pattern OUTCOME = Pattern.compile("[1-5][0-9][0-9]|sign-in");

    private final List<String> columns;
    private final Map<String, Row> rows;

    private AuthorisationMatrix(List<String> columns, Map<String, Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** One route's expected outcomes, caller by caller. */
    record Row(String route, List<Cell> cells) {}

    /** What one caller gets from one route. */
    record Cell(List<String> outcomes) {

        String expected(Variant variant) {
            return outcomes.size() == 1 ? outcomes.getFirst() : outcomes.get(variant.ordinal());
        }

        static Cell parse(String text) {
            List<String> outcomes = Arrays.asList(text.split("/"));
            if ((outcomes.size() != 1 && outcomes.size() != Variant.values().length)
                    || !outcomes.stream()
                            .allMatch(outcome -> OUTCOME.matcher(outcome).matches())) {
                throw new IllegalArgumentException("not an outcome or own/other-team/other-tenant: " + text);
            }
            return new Cell(List.copyOf(outcomes));
        }
    }

    static AuthorisationMatrix read() {
        List<String> columns = null;
        Map<String, Row> rows = new LinkedHashMap<>();
        int number = 0;
        for (String line : lines()) {
            number++;
            String content = line.replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            List<String> words = Arrays.asList(content.split("\\s+"));
            if (columns == null) {
                if (!words.subList(0, 2).equals(List.of("method", "path"))) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": the header comes first");
                }
                columns = List.copyOf(words.subList(2, words.size()));
                continue;
            }
            if (words.size() != columns.size() + 2) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": " + columns.size() + " cells expected");
            }
            String route = words.get(0) + " " + words.get(1);
            List<Cell> cells = new ArrayList<>();
            for (String cell : words.subList(2, words.size())) {
                try {
                    cells.add(Cell.parse(cell));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": " + e.getMessage(), e);
                }
            }
            if (rows.put(route, new Row(route, List.copyOf(cells))) != null) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": " + route + " appears twice");
            }
        }
        if (columns == null) {
            throw new IllegalStateException(RESOURCE + " has no header");
        }
        return new AuthorisationMatrix(columns, rows);
    }

    List<String> columns() {
        return columns;
    }

    Map<String, Row> rows() {
        return rows;
    }

    Optional<Row> row(String route) {
        return Optional.ofNullable(rows.get(route));
    }

    /** A row as the table holds it, aligned like the table, for pasting in. */
    static String format(String route, List<String> cells) {
        String[] parts = route.split(" ", 2);
        StringBuilder line = new StringBuilder(String.format("%-7s %-58s", parts[0], parts[1]));
        for (String cell : cells) {
            line.append(String.format(" %-13s", cell));
        }
        return line.toString().stripTrailing();
    }

    private static List<String> lines() {
        try (InputStream in = AuthorisationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
