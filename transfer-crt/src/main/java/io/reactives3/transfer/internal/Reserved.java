package io.reactives3.transfer.internal;

import io.reactives3.transfer.MemoryBudget;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Work that holds bytes of the engine's memory budget while it runs. */
final class Reserved {

    private Reserved() {
    }

    /**
     * Runs {@code work} once {@code bytes} of {@code budget} are reserved (waiting for room, in order of arrival) and
     * gives them back when it completes, fails or is cancelled; cancelled while waiting, it reserves nothing.
     */
    static <T> Mono<T> holding(MemoryBudget budget, long bytes, Function<MemoryBudget.Reservation, Mono<T>> work) {
        return Mono.usingWhen(budget.reserve(bytes), work, Reserved::release,
                (reservation, error) -> release(reservation), Reserved::release);
    }

    private static Mono<Void> release(MemoryBudget.Reservation reservation) {
        return Mono.fromRunnable(reservation::release);
    }
}
