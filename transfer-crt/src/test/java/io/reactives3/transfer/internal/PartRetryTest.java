package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.error.AccessDeniedException;
import io.reactives3.core.error.BadRequestException;
import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.LocalFileException;
import io.reactives3.core.error.NotModifiedException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.error.RangeNotSatisfiableException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.error.S3TimeoutException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.error.ServiceErrorContext;
import io.reactives3.core.error.ThrottledException;
import io.reactives3.core.error.UnsupportedByStoreException;
import io.reactives3.transfer.TransferSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PartRetryTest {

    private static final TransferSettings FAST = TransferSettings.defaults().withRetryBackoff(Duration.ofMillis(1))
            .withMaxPartAttempts(4);

    private static ServiceErrorContext context(int status, String code) {
        return new ServiceErrorContext("UploadPart", "b", "k", status, code, null, null);
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
        assertThat(PartRetry.isRetryable(new BadRequestException(context(400, "BadDigest"), null))).isFalse();
        assertThat(PartRetry.isRetryable(new IllegalStateException())).isFalse();
        // timeouts are transport errors; the client's own faults and what the store cannot do are final
        assertThat(PartRetry.isRetryable(new S3TimeoutException("part idle", null))).isTrue();
        assertThat(PartRetry.isRetryable(new S3ServiceException(context(400, "RequestTimeout"), null))).isTrue();
        assertThat(PartRetry.isRetryable(new UnsupportedByStoreException(context(501, "NotImplemented"), null)))
                .isFalse();
        assertThat(PartRetry.isRetryable(new NotModifiedException(context(304, null), "e", null))).isFalse();
        assertThat(PartRetry.isRetryable(new RangeNotSatisfiableException(context(416, "InvalidRange"), 5, null)))
                .isFalse();
        assertThat(PartRetry.isRetryable(new ObjectNotFoundException(context(404, "NoSuchKey"), null))).isFalse();
        assertThat(PartRetry.isRetryable(new AccessDeniedException(context(403, "AccessDenied"), null))).isFalse();
        assertThat(PartRetry.isRetryable(new LocalFileException("file changed during the upload"))).isFalse();
        assertThat(PartRetry.isRetryable(new InvalidInputException("bad key"))).isFalse();
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
