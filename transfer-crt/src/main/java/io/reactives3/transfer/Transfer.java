package io.reactives3.transfer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A transfer described but not started: subscribing runs it. Cold and repeatable: each subscription runs the
 * transfer again from the start.
 *
 * <p>Cancelling (disposing the subscription) stops in-flight parts and aborts an unfinished multipart upload, so
 * nothing is left behind (also when the cancel comes while CreateMultipartUpload is on its way: an upload created
 * after the cancel is aborted when its id arrives); a download to a file leaves neither a partial file nor a changed
 * destination. A cancel that comes once CompleteMultipartUpload was sent cannot take it back: the store may have
 * committed the object. The engine then aborts and logs at WARN, with the upload id, which it was (an abort answered
 * {@code NoSuchUpload}: committed); a HeadObject of the key tells the caller too.
 *
 * @param <R> the result record
 */
public interface Transfer<R> {

    /** Runs the transfer; emits its result, or a typed {@link io.reactives3.core.error.S3ToolkitException}. */
    Mono<R> result();

    /**
     * Runs the transfer; emits progress snapshots while it runs (after each completed part or item and at most
     * every {@link TransferSettings#progressInterval()} in between), then one final snapshot with
     * {@link TransferProgress#result()} present, then completes. Errors and cancel behave as {@link #result()}.
     */
    Flux<TransferProgress<R>> progress();
}
