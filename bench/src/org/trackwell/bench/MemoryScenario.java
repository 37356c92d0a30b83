package org.trackwell.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scenario 7: the server's resident memory and heap in use after the run. */
final class MemoryScenario {

    private MemoryScenario() {}

    static List<Figure> run(Server server) throws Exception {
        return List.of(
                Figure.alone("server resident memory", residentMegabytes(server.pid()), "MB"),
                Figure.alone("server heap used", heapUsedMegabytes(server.pid()), "MB"));
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

    private static double heapUsedMegabytes(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Matcher used = Pattern.compile("used (\\d+)K").matcher(output);
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }
}
