package io.reactives3.benchmarks;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import java.io.IOException;
import java.io.InputStream;

/**
 * A testkit S3 server in a process of its own, so that a benchmark's client JVM measures only its own memory: starts
 * the target named by the first argument ({@code s3proxy}, {@code ceph-rgw}, ...) without a recording proxy, prints
 * {@code READY <endpoint> <region> <accessKey> <secretKey>} and serves until its standard input is closed (or for two
 * hours at most), then stops the server.
 */
public final class BenchServer {

    private static final long MAX_MILLIS = 2 * 60 * 60 * 1000L;

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        StoreKind kind = StoreKind.fromId(args.length > 0 ? args[0] : "s3proxy");
        try (S3Target server = S3Targets.start(TargetOptions.of(kind).withRecording(false))) {
            System.out.println("READY " + server.serverEndpoint() + " " + server.region().id() + " "
                    + server.accessKey() + " " + server.secretKey());
            System.out.flush();
            Thread stdin = new Thread(() -> drain(System.in), "stdin");
            stdin.setDaemon(true);
            stdin.start();
            stdin.join(MAX_MILLIS);
        }
        System.exit(0);
    }

    private static void drain(InputStream in) {
        try {
            while (in.read() >= 0) {
                // until the benchmark script closes our input
            }
        } catch (IOException e) {
            // the script went away: stop as well
        }
    }
}
