package io.reactives3.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The floor under a bucket-to-bucket copy by any tool on the Java SDK, as a whole process: the SDK's own
 * {@code S3AsyncClient} with its defaults (Netty), the source listed with its paginator, one {@code CopyObject} per
 * object (none of the multipart copies or checks a copy command makes), {@code concurrency} at a time, then close and
 * exit. Arguments: {@code <endpoint> <region> <accessKey> <secretKey> <sourceBucket> <targetBucket> <concurrency>}.
 * Prints on standard error {@code TIMING jvm_ms=.. build_client_ms=.. copy_ms=.. copied=.. cpu_ms=..} (the process's
 * CPU time at the end of the copies).
 */
public final class RawSdkCopy {

    private RawSdkCopy() {
    }

    public static void main(String[] args) {
        long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        S3AsyncClient client = RawSdkBuild.client(args[0], args[1], args[2], args[3]);
        long t1 = System.nanoTime();
        String source = args[4];
        String target = args[5];
        AtomicInteger copied = new AtomicInteger();
        Flux.from(client.listObjectsV2Paginator(b -> b.bucket(source)).contents())
                .flatMap(o -> Mono.fromFuture(() -> client.copyObject(b -> b.sourceBucket(source).sourceKey(o.key())
                        .destinationBucket(target).destinationKey(o.key()))), Integer.parseInt(args[6]))
                .doOnNext(r -> copied.incrementAndGet())
                .blockLast();
        long t2 = System.nanoTime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        client.close();
        System.err.printf(Locale.ROOT, "TIMING jvm_ms=%d build_client_ms=%.1f copy_ms=%.1f copied=%d cpu_ms=%d%n",
                jvm, (t1 - t0) / 1e6, (t2 - t1) / 1e6, copied.get(), cpu / 1_000_000);
    }
}
