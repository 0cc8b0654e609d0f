package io.reactives3.benchmarks;

import io.reactives3.testkit.StoreKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The reactive client's overhead over the raw SDK client as a ratio, with raw and reactive calls interleaved so that
 * both see the same server and machine state: the raw client is the very SDK client the reactive one wraps (same
 * configuration, same connection pool), so the difference is what this library adds per call; the resource model's
 * object collection is compared with the same raw client the same way. A round makes
 * {@code calls} calls with each client, alternating one by one; the ratio reactive/raw is computed per round and the
 * table gives the median ratio with its interquartile range, next to the median time per call. Warm-up rounds are
 * discarded.
 *
 * <p>System properties: {@code bench.targets} (default {@code s3proxy,ceph-rgw}), {@code bench.rounds} (60),
 * {@code bench.warmup} (5), {@code bench.headCalls} (HeadObject calls per client per round, 50), {@code bench.listRounds}
 * (rounds of one 10,000-key listing per client, 20). Stops by itself; run with
 * {@code scripts/bench-client-overhead.sh --paired}.
 */
public final class PairedOverheadBenchmark {

    private PairedOverheadBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("bench.rounds", 60);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int headCalls = Integer.getInteger("bench.headCalls", 50);
        int listRounds = Integer.getInteger("bench.listRounds", 20);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n| server | operation | raw SDK per call | reactive per call | reactive / raw, median [IQR] | rounds |%n"
                        + "|---|---|---|---|---|---|%n"));
        for (String id : System.getProperty("bench.targets", "s3proxy,ceph-rgw").split(",")) {
            StoreKind kind = StoreKind.fromId(id.trim());
            try (OverheadFixture fixture = new OverheadFixture(kind)) {
                table.append(row(kind, "HeadObject", compare(warmup, rounds, headCalls,
                        fixture::headRaw, fixture::headReactive)));
                table.append(row(kind, "list 10,000 keys", compare(Math.max(1, warmup / 2), listRounds, 1,
                        fixture::listRaw, fixture::listReactive)));
                table.append(row(kind, "list 10,000 keys, resource collection", compare(Math.max(1, warmup / 2),
                        listRounds, 1, fixture::listRaw, fixture::listResource)));
            }
        }
        System.out.println(table);
    }

    /**
     * Per-round times (ns per call) of both clients; index 0 raw, 1 reactive. Calls alternate one by one, and which
     * client goes first alternates too, so drift in the server or the machine hits both equally.
     */
    private static double[][] compare(int warmup, int rounds, int calls, Supplier<?> raw, Supplier<?> reactive) {
        double[][] perCall = new double[2][rounds];
        for (int round = -warmup; round < rounds; round++) {
            long rawNanos = 0;
            long reactiveNanos = 0;
            for (int i = 0; i < calls; i++) {
                if (Math.floorMod(round + i, 2) == 0) {
                    rawNanos += time(raw);
                    reactiveNanos += time(reactive);
                } else {
                    reactiveNanos += time(reactive);
                    rawNanos += time(raw);
                }
            }
            if (round >= 0) {
                perCall[0][round] = rawNanos / (double) calls;
                perCall[1][round] = reactiveNanos / (double) calls;
            }
        }
        return perCall;
    }

    private static long time(Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        return System.nanoTime() - start;
    }

    private static String row(StoreKind kind, String operation, double[][] perCall) {
        int rounds = perCall[0].length;
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            ratios.add(perCall[1][i] / perCall[0][i]);
        }
        double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3f [%.3f-%.3f] | %d |%n", kind.id(), operation,
                duration(median(perCall[0])), duration(median(perCall[1])), quantile(r, 0.5), quantile(r, 0.25),
                quantile(r, 0.75), rounds);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    private static double quantile(double[] sorted, double q) {
        double index = q * (sorted.length - 1);
        int low = (int) Math.floor(index);
        int high = (int) Math.ceil(index);
        return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
    }

    private static String duration(double nanos) {
        return nanos >= 1e6 ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }
}
