package io.reactives3.core.internal;

import io.reactives3.core.ClientSettings;
import io.reactives3.core.OperationDecorator;
import io.reactives3.core.S3Operation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.s3.model.S3Response;

/** Turns SDK calls into cold Monos with typed errors. */
public final class S3Calls {

    private static final Logger LOG = LoggerFactory.getLogger(S3Calls.class);
    /**
     * One DEBUG line per request: operation, bucket and key, HTTP status or error type, time and request id. Never
     * credentials or headers. Its own logger name so it can be switched on alone.
     */
    private static final Logger REQUESTS = LoggerFactory.getLogger("io.reactives3.core.requests");

    private S3Calls() {
    }

    /**
     * A cold Mono of the SDK call {@code call}: invoked on subscribe, cancelled (aborting the HTTP request) on cancel,
     * its failure translated by {@link S3Errors} with {@code operation}, {@code bucket} and {@code key}.
     *
     * <p>A cancel is silent: the failure the SDK reports for the aborted request afterwards is expected and only
     * logged at DEBUG (not handed to Reactor's dropped-error hook, which logs at ERROR); a value that arrives after
     * the cancel is discarded ({@code doOnDiscard} hooks release it).
     *
     * <p>The settings' {@linkplain ClientSettings#operationDecorators() operation decorators} wrap the Mono, the
     * first outermost.
     */
    public static <T> Mono<T> call(ClientSettings settings, String operation, String bucket, String key,
                                   Supplier<? extends CompletableFuture<T>> call) {
        Mono<T> mono = call(operation, bucket, key, call);
        List<OperationDecorator> decorators = settings.operationDecorators();
        if (decorators.isEmpty()) {
            return mono;
        }
        S3Operation described = new S3Operation(operation, bucket, key);
        for (int i = decorators.size() - 1; i >= 0; i--) {
            mono = decorators.get(i).decorate(described, mono);
        }
        return mono;
    }

    private static <T> Mono<T> call(String operation, String bucket, String key,
                                    Supplier<? extends CompletableFuture<T>> call) {
        return Mono.create(sink -> {
            CompletableFuture<T> future;
            try {
                future = call.get();
            } catch (RuntimeException e) {
                sink.error(S3Errors.translate(e, operation, bucket, key));
                return;
            }
            long started = System.nanoTime();
            AtomicBoolean cancelled = new AtomicBoolean();
            sink.onCancel(() -> {
                cancelled.set(true);
                future.cancel(true);
            });
            future.whenComplete((value, error) -> {
                if (REQUESTS.isDebugEnabled()) {
                    logRequest(operation, bucket, key, started, value, error, cancelled.get());
                }
                if (cancelled.get()) {
                    if (value != null) {
                        Operators.onDiscard(value, Context.of(sink.contextView()));
                    }
                    if (error != null) {
                        LOG.debug("{} s3://{}/{} ended after it was cancelled: {}", operation, bucket, key,
                                error.toString());
                    }
                } else if (error != null) {
                    sink.error(S3Errors.translate(error, operation, bucket, key));
                } else if (value == null) {
                    sink.success();
                } else {
                    sink.success(value);
                }
            });
        });
    }

    private static void logRequest(String operation, String bucket, String key, long started, Object value,
                                   Throwable error, boolean cancelled) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        String target = "s3://" + bucket + "/" + (key == null ? "" : key);
        if (cancelled) {
            REQUESTS.debug("{} {} cancelled after {} ms", operation, target, millis);
        } else if (error != null) {
            Throwable translated = S3Errors.translate(error, operation, bucket, key);
            REQUESTS.debug("{} {} failed in {} ms: {}", operation, target, millis,
                    translated.getClass().getSimpleName());
        } else {
            Object unwrapped = value instanceof ResponseBytes<?> bytes ? bytes.response() : value;
            SdkResponse response = unwrapped instanceof SdkResponse r ? r : null;
            if (response == null) {
                REQUESTS.debug("{} {} answered in {} ms", operation, target, millis);   // e.g. a body still streaming
                return;
            }
            String requestId = response instanceof S3Response s3 ? s3.responseMetadata().requestId() : null;
            REQUESTS.debug("{} {} -> {} in {} ms (request id {})", operation, target,
                    response.sdkHttpResponse().statusCode(), millis, requestId);
        }
    }
}
