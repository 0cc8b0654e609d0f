package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.DataIntegrityException;
import io.reactives3.core.InvalidRequestException;
import io.reactives3.core.PreconditionFailedException;
import io.reactives3.core.S3ServiceException;
import io.reactives3.core.S3TransportException;
import io.reactives3.core.ThrottledException;
import io.reactives3.transfer.TransferSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PartRetryTest {

    private static final TransferSettings FAST = TransferSettings.defaults().withRetryBackoff(Duration.ofMillis(1))
            .withMaxPartAttempts(4);

    private static S3ServiceException.ErrorContext context(int status, String code) {
        return new S3ServiceException.ErrorContext("UploadPart", "b", "k", status, code, null, null);
    }

    private static Mono<String> failing(AtomicInteger attempts, int failures, RuntimeException error) {
        return Mono.defer(() -> attempts.incrementAndGet() <= failures ? Mono.error(error) : Mono.just("ok"));
    }

    @Test
    void withRetries_transientErrorsWithinAttempts_succeeds() {
        AtomicInteger attempts = new AtomicInteger();
        StepVerifier.create(PartRetry.withRetries(failing(attempts, 3,
                        new ThrottledException(context(503, "SlowDown"), null)), FAST, "part"))
                .expectNext("ok").expectComplete().verify(Duration.ofSeconds(5));
        assertThat(attempts).hasValue(4);
    }

    @Test
    void withRetries_moreFailuresThanAttempts_deliversTheLastErrorAsIs() {
        AtomicInteger attempts = new AtomicInteger();
        S3TransportException reset = new S3TransportException("connection reset", null);
        StepVerifier.create(PartRetry.withRetries(failing(attempts, 10, reset), FAST, "part"))
                .expectErrorMatches(e -> e == reset).verify(Duration.ofSeconds(5));
        assertThat(attempts).hasValue(4);
    }

    @Test
    void withRetries_permanentError_isNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        StepVerifier.create(PartRetry.withRetries(failing(attempts, 10,
                        new PreconditionFailedException(context(412, "PreconditionFailed"), null)), FAST, "part"))
                .expectError(PreconditionFailedException.class).verify(Duration.ofSeconds(5));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void isRetryable_classifiesTheToolkitErrors() {
        assertThat(PartRetry.isRetryable(new S3ServiceException(context(500, "InternalError"), null))).isTrue();
        assertThat(PartRetry.isRetryable(new ThrottledException(context(503, "SlowDown"), null))).isTrue();
        assertThat(PartRetry.isRetryable(new S3TransportException("reset", null))).isTrue();
        assertThat(PartRetry.isRetryable(new DataIntegrityException("truncated"))).isTrue();
        assertThat(PartRetry.isRetryable(new InvalidRequestException(context(400, "BadDigest"), null))).isFalse();
        assertThat(PartRetry.isRetryable(new IllegalStateException())).isFalse();
    }

    @Test
    void withRetries_oneAttempt_neverRetries() {
        AtomicInteger attempts = new AtomicInteger();
        StepVerifier.create(PartRetry.withRetries(failing(attempts, 1, new S3TransportException("x", null)),
                        FAST.withMaxPartAttempts(1), "part"))
                .expectError(S3TransportException.class).verify(Duration.ofSeconds(5));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void withRetries_zeroBackoff_retriesImmediately() {
        AtomicInteger attempts = new AtomicInteger();
        StepVerifier.create(PartRetry.withRetries(failing(attempts, 2, new S3TransportException("x", null)),
                        FAST.withRetryBackoff(Duration.ZERO), "part"))
                .expectNext("ok").expectComplete().verify(Duration.ofSeconds(5));
    }
}
