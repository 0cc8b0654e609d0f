package io.reactives3.transfer.internal;

import io.reactives3.core.DataIntegrityException;
import io.reactives3.core.S3ServiceException;
import io.reactives3.core.S3TransportException;
import io.reactives3.transfer.TransferSettings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Retries one part (or one small request) of a transfer: up to {@link TransferSettings#maxPartAttempts()} attempts,
 * exponential backoff from {@link TransferSettings#retryBackoff()} (capped at 10 s, 50 % jitter), only for errors a
 * new attempt may fix: retryable store errors (5xx, throttling, request timeout), transport errors (connection
 * reset, timeout) and integrity errors (truncated or corrupted bodies). The last error is delivered as is.
 */
final class PartRetry {

    private static final Logger LOG = LoggerFactory.getLogger(PartRetry.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private PartRetry() {
    }

    /** {@code attempt} (a cold Mono, re-subscribed per attempt) with the settings' retry policy. */
    static <T> Mono<T> withRetries(Mono<T> attempt, TransferSettings settings, String what) {
        if (settings.maxPartAttempts() <= 1) {
            return attempt;
        }
        Retry retry = Retry.backoff(settings.maxPartAttempts() - 1, settings.retryBackoff())
                .maxBackoff(MAX_BACKOFF)
                .jitter(0.5)
                .filter(PartRetry::isRetryable)
                .doBeforeRetry(signal -> LOG.debug("retrying {} (attempt {}) after {}", what,
                        signal.totalRetries() + 2, signal.failure().toString()))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
        return attempt.retryWhen(retry);
    }

    /** Whether a new attempt may succeed. */
    static boolean isRetryable(Throwable error) {
        if (error instanceof S3ServiceException service) {
            return service.isRetryable();
        }
        return error instanceof S3TransportException || error instanceof DataIntegrityException;
    }
}
