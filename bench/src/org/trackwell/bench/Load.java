package org.trackwell.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/** A fixed number of workers repeating one call for a fixed time, bounded in count and time. */
final class Load {

    record Result(long calls, double seconds, long[] latenciesNanos, Map<Integer, Long> outcomes) {

        double rate() {
            return calls / seconds;
        }

        /** This load and another of the same call, as one. */
        Result and(Result other) {
            long[] all = LongStream.concat(Arrays.stream(latenciesNanos), Arrays.stream(other.latenciesNanos))
                    .sorted()
                    .toArray();
            Map<Integer, Long> merged = new TreeMap<>(outcomes);
            other.outcomes.forEach((k, v) -> merged.merge(k, v, Long::sum));
            return new Result(calls + other.calls, seconds + other.seconds, all, merged);
        }

        double percentileMillis(double percentile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(percentile / 100 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }
    }

    private Load() {}

    /** {@code call} returns an outcome code (an HTTP status, or 0 for a plain success). */
    static Result run(int workers, Duration duration, Callable<Integer> call) throws Exception {
        return run(workers, duration, () -> true, call);
    }

    /** As {@link #run(int, Duration, Callable)}, stopping early once {@code going} turns false. */
    static Result run(int workers, Duration duration, java.util.function.BooleanSupplier going, Callable<Integer> call)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        long maxCallsPerWorker = 5_000_000;
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<Worker>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < workers; i++) {
                futures.add(pool.submit(() -> {
                    Worker worker = new Worker();
                    while (System.nanoTime() < end && going.getAsBoolean() && worker.count < maxCallsPerWorker) {
                        long before = System.nanoTime();
                        int outcome = call.call();
                        worker.record(System.nanoTime() - before, outcome);
                    }
                    return worker;
                }));
            }
            List<Worker> done = new ArrayList<>();
            for (Future<Worker> future : futures) {
                done.add(future.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long calls = done.stream().mapToLong(w -> w.count).sum();
            long[] all = done.stream().flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).sorted().toArray();
            Map<Integer, Long> outcomes = new TreeMap<>();
            done.forEach(w -> w.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum)));
            return new Result(calls, seconds, all, outcomes);
        }
    }

    private static final class Worker {
        long[] latencies = new long[1024];
        int count;
        final Map<Integer, Long> outcomes = new TreeMap<>();

        void record(long nanos, int outcome) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            outcomes.merge(outcome, 1L, Long::sum);
        }
    }
}
