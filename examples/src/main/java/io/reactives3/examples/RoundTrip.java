package io.reactives3.examples;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.core.UploadBody;
import io.reactives3.core.model.ObjectSummary;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The README's main job: starts an embedded S3 server (S3Proxy) — or connects to the endpoint in
 * {@code REACTIVE_S3_ENDPOINT} — then creates a bucket, uploads an object, lists the bucket, downloads the object,
 * cleans up, and prints each step.
 */
public final class RoundTrip {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private RoundTrip() {
    }

    public static void main(String[] args) {
        boolean external = System.getenv("REACTIVE_S3_ENDPOINT") != null;
        try (S3Target target = external ? S3Targets.connect(System.getenv()) : S3Targets.start(StoreKind.S3PROXY);
             ReactiveS3Client s3 = ReactiveS3Client.builder()
                     .profile(profileOf(target))
                     .endpoint(target.endpoint())
                     .region(target.region())
                     .credentialsProvider(target.credentialsProvider())
                     .pathStyle(target.pathStyle())
                     .build()) {
            System.out.println("S3 endpoint: " + target.serverEndpoint() + " (" + target.name() + ")");
            String bucket = target.newBucketName("reactive-s3-roundtrip");
            String key = "hello/world.txt";
            String content = "Hello from reactive-s3 at " + Instant.now();

            s3.createBucket(bucket).block(TIMEOUT);
            System.out.println("created bucket  " + bucket);

            var put = s3.putObject(bucket, key, UploadBody.ofString(content)).block(TIMEOUT);
            System.out.println("uploaded        s3://" + bucket + "/" + key + " (" + put.size() + " bytes, ETag "
                    + put.eTag() + ")");

            List<ObjectSummary> listed = s3.listObjects(bucket).collectList().block(TIMEOUT);
            listed.forEach(o -> System.out.println("listed          " + o.key() + " (" + o.size() + " bytes)"));

            String downloaded = s3.getObject(bucket, key).block(TIMEOUT).asUtf8String();
            System.out.println("downloaded      \"" + downloaded + "\"");
            if (!downloaded.equals(content)) {
                throw new IllegalStateException("downloaded content differs from what was uploaded");
            }

            s3.deleteObject(bucket, key).block(TIMEOUT);
            s3.deleteBucket(bucket).block(TIMEOUT);
            System.out.println("cleaned up      deleted the object and the bucket");
        }
    }

    private static StoreProfile profileOf(S3Target target) {
        String profile = System.getenv("REACTIVE_S3_PROFILE");
        if (profile != null && !profile.isBlank()) {
            return StoreProfile.valueOf(profile.trim().toUpperCase(Locale.ROOT));
        }
        return target.kind() == StoreKind.S3PROXY ? StoreProfile.S3PROXY : StoreProfile.GENERIC;
    }
}
