package io.reactives3.core;

import reactor.core.publisher.Mono;

/**
 * Wraps each S3 request a {@link ReactiveS3Client} sends, to observe or trace it (the Spring Boot starter's
 * Micrometer {@code Observation} support is one). Set it with {@link ReactiveS3ClientBuilder#addOperationDecorator};
 * by default a client has none.
 *
 * <p>{@link #decorate} is called when the client assembles the {@code Mono} of one request: once per call of a
 * single-request method, once per page of a paginated listing, once per request of a composite operation (a
 * multipart upload's create, parts and complete; a waiter's polls). Nothing has been sent then. {@code call} is cold:
 * each subscription sends the request once, emits its translated result (or completes empty), fails with an
 * {@link io.reactives3.core.error.S3ToolkitException} subtype, and aborts the request when cancelled. For
 * {@code getObjectStream} the request ends when the response's head arrives; the body streams afterwards.
 *
 * <p>An implementation returns a cold {@code Mono} that subscribes to {@code call} at most once per subscription and
 * passes its signals on (it may add side effects, change the subscriber's Reactor {@code Context} seen upstream, or
 * time it); it must not block, and it runs on whatever thread subscribes or completes (a Reactor, Netty or SDK
 * thread). An exception thrown by {@code decorate} itself propagates to the caller of the client method.
 */
public interface OperationDecorator {

    /**
     * The Mono to subscribe to instead of {@code call}.
     *
     * @param operation the request's S3 operation, bucket and key
     * @param call      the request, cold; emits the result (or nothing), an error through {@code onError}
     * @param <T>       the request's result
     * @return a cold Mono that passes {@code call}'s signals on
     */
    <T> Mono<T> decorate(S3Operation operation, Mono<T> call);
}
