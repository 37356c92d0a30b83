package org.trackwell.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 7: the server's resident memory and heap in use after the run. Only the JVM's process
 * is counted: the embedded PostgreSQL runs as processes of its own. When the server runs with
 * {@code -XX:NativeMemoryTracking=summary} (add it to JAVA_OPTS), the memory the JVM committed is
 * also split by what holds it (heap, metaspace, code cache, thread stacks, GC, ...), so that the
 * resident figure can be explained. Resident memory is read twice: at once, and after the server has
 * had nothing to do for {@link #QUIET}, which is what a service holds between busy moments once its
 * collector has given back what a burst needed.
 */
final class MemoryScenario {

    private static final Pattern CATEGORY =
            Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);
    private static final Pattern HEAP_SPACE =
            Pattern.compile("^\\S.*?(?:total|committed) (\\d+)K, used (\\d+)K", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    static final java.time.Duration QUIET = java.time.Duration.ofSeconds(30);

    private MemoryScenario() {}

    static List<Figure> run(Server server) throws Exception {
        List<Figure> figures = new ArrayList<>(now(server, ""));
        Thread.sleep(QUIET);
        figures.addAll(now(server, " after " + QUIET.toSeconds() + " s quiet"));
        figures.addAll(nativeMemory(server.pid()));
        return figures;
    }

    private static List<Figure> now(Server server, String when) throws Exception {
        return List.of(
                Figure.alone("server resident memory" + when, residentMegabytes(server.pid()), "MB"),
                Figure.alone("  heap committed" + when, heapMegabytes(server.pid(), 1), "MB"),
                Figure.alone("  heap used" + when, heapMegabytes(server.pid(), 2), "MB"));
    }

    static double residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * Sums one figure of the heap's top-level lines of GC.heap_info: each generation's under the serial
     * and parallel collectors ("total ...K, used ...K"), the one heap's under G1 ("committed ...K, used ...K").
     */
    private static double heapMegabytes(long pid, int group) throws Exception {
        Matcher space = HEAP_SPACE.matcher(jcmd(pid, "GC.heap_info"));
        long kilobytes = 0;
        while (space.find()) {
            kilobytes += Long.parseLong(space.group(group));
        }
        return kilobytes / 1024.0;
    }

    /** The JVM's committed memory by category, if native memory tracking is on; none otherwise. */
    private static List<Figure> nativeMemory(long pid) throws Exception {
        String summary = jcmd(pid, "VM.native_memory", "summary", "scale=KB");
        Matcher total = TOTAL.matcher(summary);
        if (!total.find()) {
            return List.of();
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.alone("server JVM committed (NMT)", Long.parseLong(total.group(2)) / 1024.0, "MB"));
        Matcher category = CATEGORY.matcher(summary);
        while (category.find()) {
            double committed = Long.parseLong(category.group(3)) / 1024.0;
            if (committed >= 1) {
                figures.add(Figure.alone("  committed: " + category.group(1), committed, "MB"));
            }
        }
        return figures;
    }

    private static String jcmd(long pid, String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        arguments.addAll(List.of(command));
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }
}
