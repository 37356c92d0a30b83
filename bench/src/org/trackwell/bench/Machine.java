package org.trackwell.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the machine did while a scenario ran: its cores and load, and the CPU the server, this
 * load generator and everything else used. With two cores shared by the server, PostgreSQL, the
 * load generator and other people's builds, a ratio is only honest next to these.
 */
record Machine(java.time.Instant at, long wallNanos, double load, long serverTicks, long benchNanos, long machineTicks) {

    private static final double TICKS_PER_SECOND = 100;

    static Machine now(Server server) {
        return new Machine(java.time.Instant.now(), System.nanoTime(), currentLoad(), cpuTicksOf(server.pid()), ownCpuNanos(), busyTicks());
    }

    /** One line: cores, load before and after, and who used the CPU since {@code before}. */
    String since(Machine before, String scenario) {
        double wall = (wallNanos - before.wallNanos) / 1e9;
        double server = (serverTicks - before.serverTicks) / TICKS_PER_SECOND;
        double bench = (benchNanos - before.benchNanos) / 1e9;
        double all = (machineTicks - before.machineTicks) / TICKS_PER_SECOND;
        return String.format(Locale.ROOT,
                "# %-10s %d cores, load %.1f -> %.1f, %.0f s: CPU s server JVM %.1f, load generator %.1f, rest"
                        + " (PostgreSQL, others) %.1f of %.0f available; %s to %s",
                scenario, Runtime.getRuntime().availableProcessors(), before.load, load, wall, server, bench,
                Math.max(0, all - server - bench), wall * Runtime.getRuntime().availableProcessors(), before.at, at);
    }

    private static double currentLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime of a process, in clock ticks. */
    private static long cpuTicksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy ticks of all cores (user, nice, system, irq, softirq, steal). */
    private static long busyTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }
}
