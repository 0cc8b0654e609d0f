package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class StreamUploaderTest {

    /** Parts of 10 bytes doubling every 3 parts: 10, 10, 10, 20, 20, 20, 40, ... */
    private static final IntToLongFunction SIZE = n -> PartPlan.streamPartSize(10, n, 3);

    private static Flux<Chunker.Chunk> chunks(int count, AtomicInteger emitted) {
        return Flux.range(1, count).map(n -> {
            emitted.incrementAndGet();
            int size = (int) SIZE.applyAsLong(n);
            return new Chunker.Chunk(n, new byte[size], size, n == count);
        });
    }

    @Test
    void send_growingParts_keepsInFlightAndFillingWithinTheBudget() {
        AtomicInteger emitted = new AtomicInteger();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong maxHeld = new AtomicLong();
        AtomicInteger maxParts = new AtomicInteger();
        AtomicInteger parts = new AtomicInteger();
        // parts of 10, 10, 10, 20, 20, 20, 40, 40, 40 bytes; budget 60
        Flux<Integer> sent = BudgetedSender.send(chunks(9, emitted), SIZE, 60, 8, c -> Mono.defer(() -> {
            long held = inFlight.addAndGet(c.length());
            // what the chunker holds besides: the next part, filling (none after the last)
            maxHeld.accumulateAndGet(held + (c.last() ? 0 : SIZE.applyAsLong(c.partNumber() + 1)), Math::max);
            maxParts.accumulateAndGet(parts.incrementAndGet(), Math::max);
            return Mono.delay(Duration.ofMillis(10)).thenReturn(c.partNumber());
        }).doOnNext(n -> {
            inFlight.addAndGet(-c.length());
            parts.decrementAndGet();
        }));
        StepVerifier.create(sent.collectList())
                .assertNext(numbers -> assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        // within the budget while parts are at most half of it (10-byte parts: 3 in flight, 30 + 10 + 20 filling
        // next would exceed 60); 40-byte parts: one in flight, one filling
        assertThat(maxHeld.get()).isLessThanOrEqualTo(80);
        assertThat(maxParts.get()).isEqualTo(3);
    }

    @Test
    void send_neverCompletingParts_takesOnlyWhatFits() {
        AtomicInteger emitted = new AtomicInteger();
        // budget 30 with 10-byte parts: 1 in flight + next + after = 30 -> a 2nd part would need 40
        StepVerifier.create(BudgetedSender.send(chunks(100, emitted), n -> 10, 30, 8, c -> Mono.<Integer>never()))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(200))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(emitted).hasValue(2);
    }

    @Test
    void send_concurrencyCapsPartsEvenWithBudgetLeft() {
        AtomicInteger emitted = new AtomicInteger();
        StepVerifier.create(BudgetedSender.send(chunks(100, emitted), n -> 10, 1_000_000, 3, c -> Mono.<Integer>never()))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(200))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(emitted).hasValue(3);
    }

    @Test
    void send_partFails_cancelsTheSourceAndTheOtherParts() {
        AtomicBoolean otherCancelled = new AtomicBoolean();
        AtomicBoolean sourceCancelled = new AtomicBoolean();
        Flux<Chunker.Chunk> source = chunks(100, new AtomicInteger()).doOnCancel(() -> sourceCancelled.set(true));
        StepVerifier.create(BudgetedSender.send(source, n -> 10, 1000, 4, c -> c.partNumber() == 2
                        ? Mono.delay(Duration.ofMillis(50)).then(Mono.<Integer>error(new IllegalStateException("part 2")))
                        : Mono.<Integer>never().doOnCancel(() -> otherCancelled.set(true))))
                .expectErrorMessage("part 2")
                .verify(Duration.ofSeconds(5));
        assertThat(otherCancelled).isTrue();
        assertThat(sourceCancelled).isTrue();
    }

    @Test
    void chunks_sourceRequestedOnlyAsPartsAreTaken() {
        AtomicInteger requested = new AtomicInteger();
        Flux<ByteBuffer> source = Flux.range(0, 1000).map(i -> ByteBuffer.allocate(10))
                .doOnRequest(n -> requested.addAndGet((int) Math.min(n, Integer.MAX_VALUE)));
        StepVerifier.create(StreamUploader.chunks(source, 100, 1000), 1)
                .expectNextCount(1)
                .then(() -> assertThat(requested.get()).isLessThanOrEqualTo(12))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }
}
