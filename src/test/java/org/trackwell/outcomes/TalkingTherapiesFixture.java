package org.trackwell.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The hand-computed episodes of {@code outcomes/talking-therapies-episodes.csv}: first and last
 * PHQ-9 and GAD-7 scores, attended treatment contacts, and the outcome NHS England's rules give.
 */
public record TalkingTherapiesFixture(
        int row,
        int phq9First,
        @Nullable Integer phq9Last,
        int gad7First,
        @Nullable Integer gad7Last,
        int attendedTreatmentContacts,
        String standing,
        @Nullable Boolean caseAtStart,
        @Nullable String recovery,
        @Nullable Boolean reliableImprovement,
        @Nullable Boolean reliableDeterioration,
        @Nullable String reliableRecovery,
        String why) {

    public static List<TalkingTherapiesFixture> episodes() {
        try (InputStream in =
                TalkingTherapiesFixture.class.getResourceAsStream("/outcomes/talking-therapies-episodes.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(TalkingTherapiesFixture::parse)
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TalkingTherapiesFixture parse(String line) {
        String[] f = line.split(",", 13);
        return new TalkingTherapiesFixture(
                Integer.parseInt(f[0]),
                Integer.parseInt(f[1]),
                number(f[2]),
                Integer.parseInt(f[3]),
                number(f[4]),
                Integer.parseInt(f[5]),
                switch (f[6]) {
                    case "measured" -> "MEASURED";
                    case "not finished" -> "NOT_FINISHED";
                    case "no paired scores" -> "NO_PAIRED_SCORES";
                    default -> throw new IllegalArgumentException(line);
                },
                yesNo(f[7]),
                recovery(f[8]),
                yesNo(f[9]),
                yesNo(f[10]),
                recovery(f[11]),
                f[12]);
    }

    private static @Nullable Integer number(String text) {
        return text.isEmpty() ? null : Integer.valueOf(text);
    }

    private static @Nullable Boolean yesNo(String text) {
        return text.isEmpty() ? null : text.equals("yes");
    }

    private static @Nullable String recovery(String text) {
        return switch (text) {
            case "" -> null;
            case "recovered", "yes" -> "RECOVERED";
            case "not recovered", "no" -> "NOT_RECOVERED";
            case "not applicable" -> "NOT_A_CASE_AT_START";
            default -> throw new IllegalArgumentException(text);
        };
    }

    @Override
    public String toString() {
        return "row " + row + " (" + why + ")";
    }
}
