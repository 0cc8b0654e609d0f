package io.reactives3.transfer.internal;

import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.transfer.TransferSettings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Retries one part (or one small request) of a transfer: up to {@link TransferSettings#maxPartAttempts()} attempts,
 * exponential backoff from {@link TransferSettings#retryBackoff()} (capped at 10 s, 50 % jitter), only for errors a
 * new attempt may fix: store errors whose {@link S3ServiceException#isRetryable()} holds (5xx, throttling, request
 * timeout), {@link S3TransportException}s (connection refused or reset, body cut short; {@code S3TimeoutException}
 * included) and {@link DataIntegrityException}s (truncated or corrupted bodies). Never retried: other 4xx answers,
 * {@code UnsupportedByStoreException} (501) and {@code ClientSideException}s (bad input, local files). The last error
 * is delivered as is.
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
