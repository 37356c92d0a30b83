package org.trackwell.shared;

/** Text from a request made safe for a log line: no line breaks to forge entries with, bounded length. */
public final class LogSafe {

    private LogSafe() {}

    public static String of(String text) {
        String flat = text.replaceAll("[\\r\\n\\t\\p{Cntrl}]", "_");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
