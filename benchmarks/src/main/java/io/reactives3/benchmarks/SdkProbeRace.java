package io.reactives3.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Shows a defect of the SDK's Netty client, with the SDK alone: a connection refused before the pool has ever
 * connected is now and then reported, after the whole acquire timeout, as "Acquire operation took longer than ...".
 *
 * <p>The pool's first acquire probes the protocol on one connection ({@code HttpOrHttp2ChannelPool}). When that
 * connection fails before the probe has added its listener, and the acquire's promise belongs to the pool's own event
 * loop, the listener runs at once, in the caller's frame: it fails the pending protocol promise (nobody listens yet)
 * and replaces it with a new one; the caller then waits on the new promise, which nothing completes. It needs more
 * than one event loop (with one, the connect cannot run before the caller returns) and the pool's loop pre-empted at
 * that moment, hence the busy threads here.
 *
 * <p>Each round builds a client on a shared event loop group and lists a bucket at {@code http://127.0.0.1:1}, where
 * nothing listens. Prints one line per round and the count of rounds that hung; loopback only, stops by itself.
 * Arguments: rounds (default 60), event-loop threads (default 4), busy threads (default 2).
 */
public final class SdkProbeRace {

    private SdkProbeRace() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int loopThreads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int busyThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        for (int i = 0; i < busyThreads; i++) {
            Thread busy = new Thread(SdkProbeRace::spin, "busy-" + i);
            busy.setDaemon(true);
            busy.start();
        }
        SdkEventLoopGroup loops = SdkEventLoopGroup.builder().numberOfThreads(loopThreads).build();
        int hung = 0;
        try {
            for (int round = 1; round <= rounds; round++) {
                String outcome = listAtRefusingPort(loops);
                boolean refused = outcome.contains("Connection refused");
                hung += refused ? 0 : 1;
                System.out.println("round " + round + ": " + (refused ? "refused at once: " : "HUNG: ") + outcome);
            }
        } finally {
            loops.eventLoopGroup().shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
        System.out.println("hung " + hung + " of " + rounds + " (event-loop threads " + loopThreads
                + ", busy threads " + busyThreads + ")");
    }

    /** One fresh client, one request; returns the root cause and the time it took. */
    private static String listAtRefusingPort(SdkEventLoopGroup loops) {
        try (S3AsyncClient s3 = S3AsyncClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(loops)
                        .connectionAcquisitionTimeout(Duration.ofSeconds(5)))
                .build()) {
            long start = System.nanoTime();
            Throwable cause;
            try {
                s3.listObjectsV2(r -> r.bucket("some-bucket")).join();
                return "answered (something listens on port 1?)";
            } catch (CompletionException e) {
                cause = e;
            }
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            String message = String.valueOf(cause.getMessage());
            return millis + " ms, " + cause.getClass().getSimpleName() + ": "
                    + message.substring(0, Math.min(80, message.length()));
        }
    }

    private static void spin() {
        long x = 0;
        while (true) {
            x += System.nanoTime() & 1;
            if (x == Long.MIN_VALUE) {
                System.out.println(x);
            }
        }
    }
}
