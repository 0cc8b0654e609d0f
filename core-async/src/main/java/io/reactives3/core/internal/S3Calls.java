package io.reactives3.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Turns SDK calls into cold Monos with typed errors. */
public final class S3Calls {

    private S3Calls() {
    }

    /**
     * A cold Mono of the SDK call {@code call}: invoked on subscribe, cancelled (aborting the HTTP request) on cancel,
     * its failure translated by {@link S3Errors} with {@code operation}, {@code bucket} and {@code key}.
     */
    public static <T> Mono<T> call(String operation, String bucket, String key,
                                   Supplier<? extends CompletableFuture<T>> call) {
        return Mono.fromFuture(call)
                .onErrorMap(e -> S3Errors.translate(e, operation, bucket, key));
    }
}
