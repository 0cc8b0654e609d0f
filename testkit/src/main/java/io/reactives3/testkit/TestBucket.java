package io.reactives3.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A fresh, uniquely named bucket on a target, created through the target's fixture client (so it does not show in
 * the request log) and removed with everything in it (objects, versions, delete markers, unfinished multipart
 * uploads) on {@link #close()}. {@link io.reactives3.testkit.junit.S3Test} methods can declare one as a parameter.
 */
public final class TestBucket implements AutoCloseable {

    private static final int SEED_THREADS = 8;

    private final S3Target target;
    private final String name;

    private TestBucket(S3Target target, String name) {
        this.target = target;
        this.name = name;
    }

    /** Creates a bucket named after {@code prefix} (see {@link S3Target#newBucketName(String)}). */
    public static TestBucket create(S3Target target, String prefix) {
        Objects.requireNonNull(target, "target");
        String name = target.newBucketName(prefix);
        target.fixtureClient().createBucket(b -> b.bucket(name));
        return new TestBucket(target, name);
    }

    /** The bucket name. */
    public String name() {
        return name;
    }

    /** The target the bucket lives on. */
    public S3Target target() {
        return target;
    }

    /** Stores {@code content} under {@code key} through the fixture client. */
    public void put(String key, byte[] content) {
        if (content.length == 0) {
            putEmpty(key);
            return;
        }
        target.fixtureClient().putObject(b -> b.bucket(name).key(key), RequestBody.fromBytes(content));
    }

    /**
     * An empty object, through a client that signs the payload instead of using aws-chunked encoding: Ceph RGW 16.2
     * answers 400 to an empty aws-chunked body (the fixture client keeps aws-chunked, which S3Proxy needs for bodies
     * over 128 MiB).
     */
    private void putEmpty(String key) {
        try (S3Client plain = S3Client.builder().endpointOverride(target.serverEndpoint()).region(target.region())
                .credentialsProvider(target.credentialsProvider()).forcePathStyle(target.pathStyle())
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            plain.putObject(b -> b.bucket(name).key(key), RequestBody.empty());
        }
    }

    /** Stores UTF-8 {@code content} under {@code key} through the fixture client. */
    public void put(String key, String content) {
        put(key, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads {@code key} through the fixture client. */
    public byte[] get(String key) {
        return target.fixtureClient().getObjectAsBytes(b -> b.bucket(name).key(key)).asByteArray();
    }

    /**
     * Stores {@code count} small objects named {@code keys.apply(i)} for {@code i} in {@code [0, count)}, 8 at a time,
     * each holding its own key as content.
     *
     * @return the keys, in index order
     */
    public List<String> seed(int count, IntFunction<String> keys) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(keys.apply(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        try {
            List<Future<?>> puts = new ArrayList<>(count);
            for (String key : names) {
                puts.add(pool.submit(() -> put(key, key)));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("seeding bucket " + name + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding bucket " + name, e);
        } finally {
            pool.shutdownNow();
        }
        return names;
    }

    /** The keys currently in the bucket (latest versions), listed through the fixture client. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        target.fixtureClient().listObjectsV2Paginator(b -> b.bucket(name))
                .contents().forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** Deletes every object version, delete marker and unfinished upload, then the bucket. Idempotent. */
    @Override
    public void close() {
        S3Client s3 = target.fixtureClient();
        try {
            s3.listMultipartUploadsPaginator(b -> b.bucket(name)).uploads().forEach(u ->
                    s3.abortMultipartUpload(b -> b.bucket(name).key(u.key()).uploadId(u.uploadId())));
            if (target.supports(Capability.VERSIONING)) {
                s3.listObjectVersionsPaginator(b -> b.bucket(name)).forEach(page -> {
                    List<ObjectIdentifier> ids = new ArrayList<>();
                    page.versions().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
                    page.deleteMarkers().forEach(m -> ids.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
                    deleteAll(s3, ids);
                });
            } else {
                s3.listObjectsV2Paginator(b -> b.bucket(name)).forEach(page -> deleteAll(s3,
                        page.contents().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList()));
            }
            s3.deleteBucket(b -> b.bucket(name));
        } catch (NoSuchBucketException e) {
            // already gone: the test deleted it
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                System.err.println("[reactive-s3 testkit] could not remove bucket " + name + " on " + target.name()
                        + ": " + e.getMessage());
            }
        }
    }

    private void deleteAll(S3Client s3, List<ObjectIdentifier> ids) {
        for (int from = 0; from < ids.size(); from += 1000) {
            List<ObjectIdentifier> batch = ids.subList(from, Math.min(ids.size(), from + 1000));
            s3.deleteObjects(b -> b.bucket(name).delete(Delete.builder().objects(batch).quiet(true).build()));
        }
    }

    @Override
    public String toString() {
        return name + " on " + target.name();
    }
}
