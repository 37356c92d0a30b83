package org.trackwell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server and its embedded PostgreSQL on the first core, the bench (the load generator) on the
 * others, for as long as it is open; then every process may use every core again. On two shared
 * cores the load generator's TLS and clients otherwise take the server's CPU, and a ratio to a
 * bare baseline says as much about the generator as about the server.
 */
final class Pinning implements AutoCloseable {

    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    private final Server server;
    private final int cores;

    private Pinning(Server server, int cores) {
        this.server = server;
        this.cores = cores;
    }

    /** Whether the machine has two cores or more and taskset, and the database is the embedded one. */
    static boolean possible(Server server) {
        return Runtime.getRuntime().availableProcessors() >= 2
                && Files.isExecutable(TASKSET)
                && !server.environment.containsKey("TRACKWELL_DATABASE_URL");
    }

    static Pinning serverOnFirstCore(Server server) throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        Pinning pinning = new Pinning(server, cores);
        pinning.set(pinning.serverSide(), "0");
        pinning.set(List.of(ProcessHandle.current().pid()), "1-" + (cores - 1));
        return pinning;
    }

    /** The server's JVM, its PostgreSQL's postmaster and every backend of it. */
    private List<Long> serverSide() throws IOException {
        List<Long> pids = new ArrayList<>(List.of(server.pid()));
        Path pidFile = server.dataDirectory.resolve("postgres/postmaster.pid");
        if (Files.exists(pidFile)) {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            pids.add(postmaster);
            ProcessHandle.of(postmaster).ifPresent(handle -> handle.descendants().forEach(child -> pids.add(child.pid())));
        }
        return pids;
    }

    private void set(List<Long> pids, String cpus) throws IOException, InterruptedException {
        for (long pid : pids) {
            Process taskset = new ProcessBuilder(TASKSET.toString(), "-a", "-p", "-c", cpus, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // A backend may end between the listing and here; the others are still set.
            taskset.waitFor();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        List<Long> all = serverSide();
        all.add(ProcessHandle.current().pid());
        set(all, "0-" + (cores - 1));
    }
}
