package io.reactives3.spring;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.core.UploadBody;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * Run by {@link RequestLogSecretsTest} in a JVM of its own with every logger at DEBUG: the starter's metrics hooks on
 * a client with the store's keys (secret from {@code S3_SECRET_KEY}) and on one with a planted fake secret
 * ({@code FAKE_SECRET_KEY}), a put with a planted metadata value ({@code FAKE_TOKEN}), a get, a HEAD of a missing
 * key, a put the store refuses. Arguments: endpoint, region, access key id, bucket.
 */
public final class RequestLogProbe {

    private RequestLogProbe() {
    }

    public static void main(String[] args) {
        Duration wait = Duration.ofSeconds(60);
        ReactiveS3Metrics metrics = new ReactiveS3Metrics(new SimpleMeterRegistry());
        try (ReactiveS3Client store = client(args, System.getenv("S3_SECRET_KEY"), metrics);
             ReactiveS3Client fake = client(args, System.getenv("FAKE_SECRET_KEY"), metrics)) {
            String bucket = args[3];
            store.putObject(bucket, "logged/key.txt", UploadBody.ofString("body"), PutObjectOptions.builder()
                    .metadata(Map.of("token", System.getenv("FAKE_TOKEN"))).build()).block(wait);
            store.getObject(bucket, "logged/key.txt").block(wait);
            store.headObject(bucket, "logged/missing").onErrorResume(e -> reactor.core.publisher.Mono.empty())
                    .block(wait);
            fake.putObject(bucket, "logged/refused.txt", UploadBody.ofString("no")).onErrorResume(e -> {
                System.out.println("PROBE fake put failed: " + e.getClass().getSimpleName());
                return reactor.core.publisher.Mono.empty();
            }).block(wait);
        }
        System.out.println("PROBE DONE");
    }

    private static ReactiveS3Client client(String[] args, String secret, ReactiveS3Metrics metrics) {
        return ReactiveS3Client.builder().profile(StoreProfile.S3PROXY).endpoint(URI.create(args[0]))
                .region(Region.of(args[1])).credentials(args[2], secret).maxAttempts(1)
                .sdkCustomizer(metrics::customize).build();
    }
}
