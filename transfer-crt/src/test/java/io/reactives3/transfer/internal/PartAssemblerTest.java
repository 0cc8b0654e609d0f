package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.transfer.MemoryBudget;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class PartAssemblerTest {

    private static Flux<ByteBuffer> buffers(byte[] data, int bufferSize) {
        List<ByteBuffer> list = new ArrayList<>();
        for (int i = 0; i < data.length; i += bufferSize) {
            list.add(ByteBuffer.wrap(data, i, Math.min(bufferSize, data.length - i)));
        }
        return Flux.fromIterable(list);
    }

    private static List<PartAssembler.Sealed> cut(byte[] data, int bufferSize, long partSize, int partsPerSize,
                                                  MemoryBudget budget) {
        return PartAssembler.parts(buffers(data, bufferSize), budget, partSize, partsPerSize, Schedulers.immediate())
                .collectList().block(Duration.ofSeconds(10));
    }

    private static List<PartAssembler.Sealed> cut(byte[] data, int bufferSize, long partSize, int partsPerSize) {
        return cut(data, bufferSize, partSize, partsPerSize, MemoryBudget.ofBytes(1 << 20));
    }

    private static byte[] join(List<PartAssembler.Sealed> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (PartAssembler.Sealed part : parts) {
            for (ByteBuffer b : part.buffers()) {
                ByteBuffer d = b.duplicate();
                byte[] bytes = new byte[d.remaining()];
                d.get(bytes);
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    @Test
    void parts_oddBufferSizes_cutsPartsOfThePartSizeInOrder() {
        byte[] data = new byte[1000];
        new Random(1).nextBytes(data);
        List<PartAssembler.Sealed> parts = cut(data, 37, 100, 1000);
        assertThat(parts).extracting(PartAssembler.Sealed::length).containsOnly(100L).hasSize(10);
        assertThat(parts).extracting(PartAssembler.Sealed::partNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(parts.get(9).last()).isTrue();
        assertThat(parts.subList(0, 9)).noneMatch(PartAssembler.Sealed::last);
        assertThat(join(parts)).isEqualTo(data);
    }

    @Test
    void parts_streamEndingMidPart_lastPartIsShortAndMarked() {
        List<PartAssembler.Sealed> parts = cut(new byte[250], 64, 100, 1000);
        assertThat(parts).extracting(PartAssembler.Sealed::length).containsExactly(100L, 100L, 50L);
        assertThat(parts.get(2).last()).isTrue();
    }

    @Test
    void parts_emptyStream_givesOneEmptyLastPart() {
        List<PartAssembler.Sealed> parts = cut(new byte[0], 10, 100, 1000);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).length()).isZero();
        assertThat(parts.get(0).last()).isTrue();
    }

    @Test
    void parts_exactlyOnePart_isLastWithoutAnEmptyExtraPart() {
        List<PartAssembler.Sealed> parts = cut(new byte[100], 100, 100, 1000);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).last()).isTrue();
        assertThat(parts.get(0).length()).isEqualTo(100);
    }

    @Test
    void parts_pastPartsPerSize_doublesThePartSize() {
        byte[] data = new byte[2 * 10 + 2 * 20 + 40 + 5];
        new Random(2).nextBytes(data);
        List<PartAssembler.Sealed> parts = cut(data, 7, 10, 2);
        assertThat(parts).extracting(PartAssembler.Sealed::length).containsExactly(10L, 10L, 20L, 20L, 40L, 5L);
        assertThat(join(parts)).isEqualTo(data);
    }

    @Test
    void parts_leaveTheCallersBuffersUntouched() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[30]);
        cut(new byte[0], 1, 10, 1000);
        PartAssembler.parts(Flux.just(buffer), MemoryBudget.ofBytes(1000), 10, 1000, Schedulers.immediate())
                .blockLast(Duration.ofSeconds(5));
        assertThat(buffer.position()).isZero();
    }

    @Test
    void parts_smallStream_holdsMemorySizedByTheDataNotAPart() {
        MemoryBudget budget = MemoryBudget.ofBytes(64L << 20);
        List<PartAssembler.Sealed> parts = cut(new byte[]{42}, 1, 8L << 20, 1000, budget);
        assertThat(parts).hasSize(1);
        long capacity = parts.get(0).buffers().stream().mapToLong(ByteBuffer::capacity).sum();
        assertThat(capacity).isEqualTo(PartAssembler.MIN_BUFFER);
        assertThat(budget.inUse()).isEqualTo(PartAssembler.MIN_BUFFER);
        parts.get(0).release();
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void parts_bigPart_growsItsBuffersGeometricallyUpToTheLimit() {
        byte[] data = new byte[3 << 20];
        new Random(3).nextBytes(data);
        MemoryBudget budget = MemoryBudget.ofBytes(64L << 20);
        List<PartAssembler.Sealed> parts = cut(data, 16 * 1024, 8L << 20, 1000, budget);
        assertThat(join(parts)).isEqualTo(data);
        List<Integer> capacities = parts.get(0).buffers().stream().map(ByteBuffer::capacity).toList();
        assertThat(capacities).allMatch(c -> c <= PartAssembler.MAX_BUFFER);
        assertThat(capacities.size()).isLessThan(20);
        // what the part holds is about its data, not the 8 MiB part size
        assertThat(budget.inUse()).isBetween((long) data.length, data.length + (long) PartAssembler.MAX_BUFFER);
    }

    @Test
    void parts_budgetExhausted_stopsReadingTheSourceUntilMemoryIsGivenBack() {
        MemoryBudget budget = MemoryBudget.ofBytes(300);
        AtomicLong requested = new AtomicLong();
        Flux<ByteBuffer> endless = Flux.generate(sink -> sink.next(ByteBuffer.allocate(10)));
        List<PartAssembler.Sealed> taken = new ArrayList<>();
        StepVerifier.create(PartAssembler.parts(endless.doOnRequest(requested::addAndGet), budget, 100, 1000,
                        Schedulers.immediate()), 0)
                .thenRequest(10)
                .consumeNextWith(taken::add)
                .consumeNextWith(taken::add)
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> {
                    // three parts of 100 fit; the 3rd is being filled... only 2 handed out, the 3rd waits for a byte
                    assertThat(budget.inUse()).isLessThanOrEqualTo(300);
                    assertThat(taken).hasSize(2);
                    assertThat(requested.get()).isLessThan(40);
                    taken.get(0).release();
                })
                .expectNextCount(1)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        taken.forEach(PartAssembler.Sealed::release);
        assertThat(budget.inUse()).isLessThanOrEqualTo(100);
    }

    @Test
    void parts_cancelled_giveBackEveryByteNotHandedOut() {
        MemoryBudget budget = MemoryBudget.ofBytes(10_000);
        Flux<ByteBuffer> endless = Flux.generate(sink -> sink.next(ByteBuffer.allocate(7)));
        StepVerifier.create(PartAssembler.parts(endless, budget, 1000, 1000, Schedulers.immediate()), 0)
                .thenRequest(1)
                .assertNext(PartAssembler.Sealed::release)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void parts_partLargerThanTheBudget_failsNamingTheSetting() {
        StepVerifier.create(PartAssembler.parts(Flux.just(ByteBuffer.allocate(10)), MemoryBudget.ofBytes(50), 100,
                        1000, Schedulers.immediate()))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("memoryBudget")
                        .hasMessageContaining("partSize"))
                .verify(Duration.ofSeconds(5));
    }
}
