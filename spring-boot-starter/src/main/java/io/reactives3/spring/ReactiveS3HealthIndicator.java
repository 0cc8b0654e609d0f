package io.reactives3.spring;

import io.reactives3.core.ReactiveS3Client;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import reactor.core.publisher.Mono;

/**
 * Reports whether the store answers: HeadBucket on the configured bucket ({@code reactive-s3.health.bucket}), or
 * ListBuckets when none is set, within {@code reactive-s3.health.timeout}. Up with the endpoint (never the
 * credentials) as a detail; down with the error (a store that did not answer in time gives a
 * {@link TimeoutException}). Each check sends one request; nothing is cached.
 */
public class ReactiveS3HealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveS3Client client;
    private final @Nullable String bucket;
    private final Duration timeout;

    /**
     * @param client  the client to probe
     * @param bucket  the bucket to send HeadBucket to, or null for ListBuckets
     * @param timeout the longest wait for the answer; positive
     */
    public ReactiveS3HealthIndicator(ReactiveS3Client client, @Nullable String bucket, Duration timeout) {
        super("S3 health check failed");
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = bucket == null || bucket.isBlank() ? null : bucket;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        URI endpoint = client.settings().endpoint();
        builder.withDetail("endpoint", endpoint != null ? endpoint.toString() : "aws:" + client.settings().region());
        Mono<?> probe = bucket != null
                ? client.headBucket(bucket).doOnNext(h -> builder.withDetail("bucket", bucket))
                : client.listBucketsPage().doOnNext(page -> builder.withDetail("buckets", page.buckets().size()));
        return probe.timeout(timeout)
                .then(Mono.fromSupplier(() -> builder.up().build()));
    }
}
