package io.reactives3.core.internal;

import io.reactives3.core.spi.Arguments;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.WaitTimeoutException;
import io.reactives3.core.model.BucketHead;
import io.reactives3.core.model.ObjectHead;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Waiters of {@link DefaultReactiveS3Client}: poll HeadBucket / HeadObject until a state is reached.
 *
 * <p>The first probe is sent on subscribe; after each probe that did not reach the state the waiter sleeps 200 ms,
 * doubling up to 5 s. "Not found" is the only answer that means "keep waiting" (or "done" for the NotExists
 * waiters); any other error ends the wait with that error. When {@code timeout} elapses, the probe in flight is
 * cancelled and {@link WaitTimeoutException} is emitted. Cancelling stops polling. The delays run on Reactor's
 * parallel scheduler; no thread is blocked.
 */
final class Waiters {

    static final Duration FIRST_DELAY = Duration.ofMillis(200);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);

    private final BucketOperations buckets;
    private final ObjectOperations objects;

    Waiters(S3AsyncClient sdk, ClientSettings settings) {
        this.buckets = new BucketOperations(sdk, settings);
        this.objects = new ObjectOperations(sdk, settings);
    }

    Mono<BucketHead> waitUntilBucketExists(String bucket, Duration timeout) {
        Arguments.bucket(bucket);
        Arguments.positive(timeout, null, "timeout");
        Mono<Optional<BucketHead>> probe = buckets.headBucket(bucket).map(Optional::of)
                .onErrorResume(BucketNotFoundException.class, e -> Mono.just(Optional.empty()));
        return poll(probe, timeout, "bucket '" + bucket + "' exists");
    }

    Mono<Void> waitUntilBucketNotExists(String bucket, Duration timeout) {
        Arguments.bucket(bucket);
        Arguments.positive(timeout, null, "timeout");
        Mono<Optional<Boolean>> probe = buckets.headBucket(bucket).map(head -> Optional.<Boolean>empty())
                .onErrorResume(BucketNotFoundException.class, e -> Mono.just(Optional.of(Boolean.TRUE)));
        return poll(probe, timeout, "bucket '" + bucket + "' does not exist").then();
    }

    Mono<ObjectHead> waitUntilObjectExists(String bucket, String key, Duration timeout) {
        Arguments.bucket(bucket);
        Arguments.key(key);
        Arguments.positive(timeout, null, "timeout");
        Mono<Optional<ObjectHead>> probe = objects.headObject(bucket, key).map(Optional::of)
                .onErrorResume(ObjectNotFoundException.class, e -> Mono.just(Optional.empty()));
        return poll(probe, timeout, "s3://" + bucket + "/" + key + " exists");
    }

    Mono<Void> waitUntilObjectNotExists(String bucket, String key, Duration timeout) {
        Arguments.bucket(bucket);
        Arguments.key(key);
        Arguments.positive(timeout, null, "timeout");
        Mono<Optional<Boolean>> probe = objects.headObject(bucket, key).map(head -> Optional.<Boolean>empty())
                .onErrorResume(ObjectNotFoundException.class, e -> Mono.just(Optional.of(Boolean.TRUE)));
        return poll(probe, timeout, "s3://" + bucket + "/" + key + " does not exist").then();
    }

    /**
     * Repeats {@code probe} (present = reached) with growing delays until it reaches the state, fails, or
     * {@code timeout} elapses.
     */
    private static <T> Mono<T> poll(Mono<Optional<T>> probe, Duration timeout, String what) {
        return probe
                .flatMap(Mono::justOrEmpty)
                .repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(delay(attempt)), 1))
                .timeout(timeout, Mono.error(() -> new WaitTimeoutException(what, timeout)));
    }

    /** 200 ms, 400 ms, 800 ms, ... capped at 5 s. */
    static Duration delay(long attempt) {
        long millis = FIRST_DELAY.toMillis() << Math.min(attempt, 10);
        return Duration.ofMillis(Math.min(millis, MAX_DELAY.toMillis()));
    }
}
