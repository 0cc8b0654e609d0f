package io.reactives3.benchmarks;

import io.reactives3.core.ListObjectsOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.resource.ReactiveS3;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import io.reactives3.testkit.TestBucket;
import java.time.Duration;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * One server with a bucket of {@link #KEYS} keys, the reactive client for it, the resource model over that client,
 * and the raw SDK {@link S3AsyncClient} the client wraps (so all run with the same configuration and connection
 * pool). Each call blocks the benchmark thread (never a Reactor or Netty thread) until the answer is in.
 */
final class OverheadFixture implements AutoCloseable {

    static final int KEYS = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String HEAD_KEY = "keys/00042";

    private final S3Target server;
    private final TestBucket bucket;
    private final S3AsyncClient raw;
    private final ReactiveS3Client reactive;
    private final ReactiveS3 resources;

    OverheadFixture(StoreKind kind) {
        server = S3Targets.start(TargetOptions.of(kind).withRecording(false));
        bucket = TestBucket.create(server, "client-overhead");
        bucket.seed(KEYS, i -> String.format("keys/%05d", i));
        StoreProfile profile = kind == StoreKind.CEPH_RGW ? StoreProfile.CEPH : StoreProfile.S3PROXY;
        reactive = ReactiveS3Client.builder().profile(profile).endpoint(server.endpoint()).region(server.region())
                .credentialsProvider(server.credentialsProvider()).pathStyle(true).build();
        raw = reactive.sdkClient();
        resources = ReactiveS3.create(reactive);
    }

    Object headRaw() {
        return raw.headObject(b -> b.bucket(bucket.name()).key(HEAD_KEY)).join();
    }

    Object headReactive() {
        return reactive.headObject(bucket.name(), HEAD_KEY).block(TIMEOUT);
    }

    long listRaw() {
        long count = 0;
        String token = null;
        do {
            String next = token;
            ListObjectsV2Response page = raw.listObjectsV2(b -> b.bucket(bucket.name()).maxKeys(1000)
                    .continuationToken(next)).join();
            count += page.keyCount();
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        return check(count);
    }

    long listReactive() {
        return check(reactive.listObjects(bucket.name(), ListObjectsOptions.builder().pageSize(1000).build())
                .count().block(TIMEOUT));
    }

    long listResource() {
        return check(resources.bucket(bucket.name()).objects().all().count().block(TIMEOUT));
    }

    private static long check(long count) {
        if (count != KEYS) {
            throw new IllegalStateException("listed " + count + " keys, expected " + KEYS);
        }
        return count;
    }

    @Override
    public void close() {
        reactive.close();
        bucket.close();
        server.close();
    }
}
