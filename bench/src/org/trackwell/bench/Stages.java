package org.trackwell.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits a JDK Flight Recorder profile of the server (bench/run --jfr FILE) into the stages of a
 * request: each CPU sample is put in the stage of the innermost frame that names one, so a JDBC
 * call made while looking up the session counts as session lookup, not as "the query".
 * Also counts the server's reads from PostgreSQL (one per round trip: bench/run --jfr records every
 * socket read), to divide by the requests the bench made in the same window.
 * Usage: java -cp target/bench-classes org.trackwell.bench.Stages FILE DATABASE_PORT [FROM TO]
 * (ISO instants, as the bench's "#" lines print them).
 */
public final class Stages {

    /**
     * From the leaf up: the first frame whose class starts with one of these names its stage.
     * Filters are not named (each one is below the rest of the request), only what they call.
     */
    private static final List<String[]> LEAF_STAGES = List.of(
            new String[] {"sun.security.ssl.", "TLS"},
            new String[] {"com.sun.crypto.provider.GHASH", "TLS"},
            new String[] {"com.sun.crypto.provider.", "crypto (TLS or fields)"},
            new String[] {"org.bouncycastle.crypto.generators.Argon2", "password hash"},
            new String[] {"tools.jackson.", "JSON"},
            new String[] {"com.fasterxml.jackson.", "JSON"},
            new String[] {"org.thymeleaf.", "HTML"},
            new String[] {"com.google.crypto.tink.", "field sealing"});

    private static final List<String[]> APP_STAGES = List.of(
            new String[] {"org.trackwell.audit.internal.Sealer", "audit sealing"},
            new String[] {"org.trackwell.audit.AuditTrail", "audit insert"},
            new String[] {"org.trackwell.identity.Sessions", "session lookup"},
            new String[] {"org.trackwell.tenancy.Tenants", "tenant resolution"},
            new String[] {"org.trackwell.clients.web.ReachedClients", "reach check"},
            new String[] {"org.trackwell.identity.SignIn", "sign-in (not the hash)"},
            new String[] {"org.trackwell.identity.Admission", "sign-in (not the hash)"});

    private Stages() {}

    public static void main(String[] args) throws Exception {
        int databasePort = Integer.parseInt(args[1]);
        Instant from = args.length > 2 ? Instant.parse(args[2]) : Instant.MIN;
        Instant to = args.length > 3 ? Instant.parse(args[3]) : Instant.MAX;
        long roundTrips = 0;
        double cpuSeconds = 0;
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Long> samples = new TreeMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            if (event.getEventType().getName().equals("jdk.CPULoad")) {
                // One a second in the profile settings: the JVM's share of all cores over that second.
                cpuSeconds += (event.getFloat("jvmUser") + event.getFloat("jvmSystem")) * cores;
            }
            if (event.getEventType().getName().equals("jdk.SocketRead") && event.getInt("port") == databasePort) {
                roundTrips++;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples.merge(stage(event.getStackTrace().getFrames()), 1L, Long::sum);
            total++;
        }
        long all = total;
        System.out.printf(Locale.ROOT, "%.1f CPU s of the server JVM, %,d CPU samples, %,d reads from PostgreSQL%n",
                cpuSeconds, all, roundTrips);
        samples.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-28s %6.1f %%%n", e.getKey(), 100.0 * e.getValue() / all));
    }

    private static String stage(List<RecordedFrame> frames) {
        String leaf = null;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (leaf == null) {
                leaf = match(LEAF_STAGES, type);
            }
            String app = match(APP_STAGES, type);
            if (app != null) {
                return leaf == null || leaf.equals("JSON") ? app : app + ": " + leaf;
            }
        }
        if (leaf != null) {
            return leaf;
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("org.postgresql.") || type.startsWith("com.zaxxer.hikari.")) {
                return "JDBC (the query and transaction)";
            }
            if (type.startsWith("org.trackwell.") && !type.startsWith("org.trackwell.web.")) {
                return "application code (" + type.substring("org.trackwell.".length()).split("\\.")[0] + ")";
            }
            if (type.startsWith("org.springframework.security.")) {
                return "filter chain (Spring Security)";
            }
            if (type.startsWith("org.springframework.web.") || type.startsWith("org.springframework.http.")) {
                return "Spring MVC dispatch";
            }
            if (type.startsWith("org.springframework.transaction.") || type.startsWith("org.springframework.jdbc.")) {
                return "JDBC (the query and transaction)";
            }
            if (type.startsWith("org.apache.tomcat.") || type.startsWith("org.apache.coyote.")
                    || type.startsWith("org.apache.catalina.")) {
                return "Tomcat (HTTP, not TLS)";
            }
        }
        return "other (JVM, GC helpers, background)";
    }

    private static String match(List<String[]> stages, String type) {
        for (String[] stage : stages) {
            if (type.startsWith(stage[0])) {
                return stage[1];
            }
        }
        return null;
    }
}
