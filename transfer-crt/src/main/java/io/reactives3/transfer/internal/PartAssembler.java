package io.reactives3.transfer.internal;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.transfer.MemoryBudget;
import io.reactives3.transfer.TransferSettings;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Cuts a stream of buffers of any sizes into the parts of an upload, copying the bytes into buffers sized by the
 * data and reserved from the {@link MemoryBudget} before they are allocated.
 *
 * <p>Part {@code n} holds {@link PartPlan#streamPartSize} bytes, except the last. A full part is handed out only when
 * the next byte arrives (or the stream ends), so the last part is always known as last; an empty stream gives one
 * empty last part. A part's bytes live in buffers that grow with the data (each as large as the part so far, from
 * {@value #MIN_BUFFER} bytes to {@value #MAX_BUFFER}), so a 1-byte upload holds a few KiB, not a part.
 *
 * <p>Reservations: a part reserves its full size before its first byte is copied (the part can then always be
 * completed, however many transfers wait for memory), except the first part of a stream, which starts with
 * {@value #FIRST_RESERVATION} bytes when they can be had without taking the room a part needs, and grows with its
 * data: it doubles what it holds while the room for a part stays free, and otherwise waits in line for the rest of
 * the part. Small uploads then run side by side, each holding about its size, without waiting for a part's worth of
 * memory each. Waiting for memory stops the reading of the source. What a part did not use is given back
 * when it is sealed; the rest when it is released.
 *
 * <p>Not thread-safe: one per subscription, fed serially ({@code concatMap}).
 */
final class PartAssembler {

    static final int MIN_BUFFER = 8 * 1024;
    /**
     * The largest buffer: below half of G1's smallest region (1 MiB, as in heaps up to 2 GiB), so that no buffer is
     * a humongous object (one of 1 MiB would take two whole regions: twice its size).
     */
    static final int MAX_BUFFER = 256 * 1024;
    static final int FIRST_RESERVATION = 64 * 1024;

    /** A filled part: its bytes (buffers ready to read, in order) and the memory they hold. */
    static final class Sealed {
        private final int partNumber;
        private final long length;
        private final boolean last;
        private volatile List<ByteBuffer> buffers;
        private final MemoryBudget.Reservation reservation;

        Sealed(int partNumber, List<ByteBuffer> buffers, long length, boolean last,
               MemoryBudget.Reservation reservation) {
            this.partNumber = partNumber;
            this.buffers = buffers;
            this.length = length;
            this.last = last;
            this.reservation = reservation;
        }

        int partNumber() {
            return partNumber;
        }

        long length() {
            return length;
        }

        boolean last() {
            return last;
        }

        List<ByteBuffer> buffers() {
            List<ByteBuffer> b = buffers;
            if (b == null) {
                throw new IllegalStateException("part " + partNumber + " was released");
            }
            return b;
        }

        MemoryBudget.Reservation reservation() {
            return reservation;
        }

        /** Drops the bytes and gives their memory back; later calls do nothing. */
        void release() {
            buffers = null;
            if (reservation != null) {
                reservation.release();
            }
        }
    }

    /** Sees every buffer allocated for a part (tests prove with it that none stays reachable); no-op otherwise. */
    static volatile Consumer<ByteBuffer> allocationWatch = buffer -> { };

    private final MemoryBudget budget;
    private final long basePartSize;
    private final int partsPerSize;
    private final Scheduler work;
    private int partNumber = 1;
    private Filling current;
    private long total;

    PartAssembler(MemoryBudget budget, long basePartSize, int partsPerSize, Scheduler work) {
        this.budget = budget;
        this.basePartSize = basePartSize;
        this.partsPerSize = partsPerSize;
        this.work = work;
    }

    /**
     * The parts of a stream: a fresh assembler per subscription, one source buffer requested at a time and none
     * while waiting for memory. Parts discarded by cancel or error, and the part being filled, are released.
     */
    static Flux<Sealed> parts(Flux<ByteBuffer> source, MemoryBudget budget, long basePartSize, int partsPerSize,
                              Scheduler work) {
        return Flux.defer(() -> {
            PartAssembler assembler = new PartAssembler(budget, basePartSize, partsPerSize, work);
            return source
                    .concatMap(assembler::accept, 0)
                    .concatWith(Mono.fromCallable(assembler::finish))
                    .doFinally(signal -> assembler.releaseFilling());
        })
                .doOnDiscard(Sealed.class, Sealed::release)
                .doOnDiscard(MemoryBudget.Reservation.class, MemoryBudget.Reservation::release);
    }

    /** Takes {@code buffer}'s remaining bytes (without changing its position); emits the parts it completed. */
    Flux<Sealed> accept(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        return Flux.defer(() -> fill(in));
    }

    /** The stream ended: the last part (empty when the stream was). */
    Sealed finish() {
        if (current == null) {
            return new Sealed(partNumber, List.of(), 0, true, null);
        }
        return seal(true);
    }

    /** Bytes taken so far. */
    long total() {
        return total;
    }

    /** Gives back the memory of the part being filled (cancel or error). */
    void releaseFilling() {
        Filling f = current;
        current = null;
        if (f != null) {
            f.reservation.release();
        }
    }

    private Flux<Sealed> fill(ByteBuffer in) {
        List<Sealed> out = new ArrayList<>(1);
        while (in.hasRemaining()) {
            if (current != null && current.filled == current.size) {
                out.add(seal(false));
            }
            if (current == null) {
                if (partNumber > TransferSettings.MAX_PARTS) {
                    return Flux.<Sealed>fromIterable(out).concatWith(Flux.error(new InvalidInputException(
                            "the stream is longer than 10,000 parts can hold (" + total + " bytes so far): give the "
                                    + "engine a larger TransferSettings.partSize")));
                }
                long size = Math.min(Integer.MAX_VALUE - 8,
                        PartPlan.streamPartSize(basePartSize, partNumber, partsPerSize));
                if (size > budget.capacity()) {
                    return Flux.<Sealed>fromIterable(out).concatWith(Flux.error(new InvalidInputException(
                            "part " + partNumber + " of a stream (" + total + " bytes so far) needs " + size
                                    + " bytes, more than the whole memory budget (" + budget.capacity()
                                    + " bytes): lower TransferSettings.partSize or give the engine a larger "
                                    + "TransferSettings.memoryBudget")));
                }
                // the first part starts small (room for a part stays free); later parts reserve their whole size
                int number = partNumber;
                Mono<MemoryBudget.Reservation> first = number == 1
                        ? budget.reserve(Math.min(FIRST_RESERVATION, size), size) : budget.reserve(size);
                return then(out, first, reservation -> {
                    current = new Filling(number, size, reservation);
                    return fill(in);
                });
            }
            Filling part = current;
            if (!part.hasSpace() && part.unallocated() == 0) {
                // grow by what is held so far (doubling), while the room for a whole part stays free; else wait for
                // the rest of the part in line
                long held = part.reservation.bytes();
                MemoryBudget.Reservation step = budget.tryReserve(Math.min(Math.max(held, MIN_BUFFER), part.size - held),
                        part.size);
                if (step != null) {
                    part.reservation.merge(step);
                    continue;
                }
                return then(out, budget.reserve(part.size - held), more -> {
                    part.reservation.merge(more);
                    return fill(in);
                });
            }
            total += part.copy(in);
        }
        return Flux.fromIterable(out);
    }

    /** Emits {@code out}, then waits for {@code reservation} and goes on, on the engine's threads, with {@code next}. */
    private Flux<Sealed> then(List<Sealed> out, Mono<MemoryBudget.Reservation> reservation,
                              Function<MemoryBudget.Reservation, Flux<Sealed>> next) {
        return Flux.fromIterable(out).concatWith(reservation.publishOn(work).flatMapMany(next));
    }

    private Sealed seal(boolean last) {
        Filling f = current;
        current = null;
        partNumber++;
        List<ByteBuffer> buffers = new ArrayList<>(f.buffers.size());
        for (ByteBuffer b : f.buffers) {
            buffers.add(b.flip());
        }
        f.reservation.shrinkTo(f.allocated);
        return new Sealed(f.partNumber, buffers, f.filled, last, f.reservation);
    }

    /** A part being filled: buffers allocated within its reservation as bytes arrive. */
    private static final class Filling {
        final int partNumber;
        final long size;
        final MemoryBudget.Reservation reservation;
        final List<ByteBuffer> buffers = new ArrayList<>(4);
        long allocated;
        long filled;

        Filling(int partNumber, long size, MemoryBudget.Reservation reservation) {
            this.partNumber = partNumber;
            this.size = size;
            this.reservation = reservation;
        }

        boolean hasSpace() {
            return !buffers.isEmpty() && buffers.get(buffers.size() - 1).hasRemaining();
        }

        long unallocated() {
            return reservation.bytes() - allocated;
        }

        /** Copies what fits of {@code in} (allocating a buffer when the last is full); returns the bytes copied. */
        int copy(ByteBuffer in) {
            if (!hasSpace()) {
                long want = Math.max(MIN_BUFFER, Math.min(MAX_BUFFER, Math.max(filled, in.remaining())));
                int capacity = (int) Math.min(unallocated(), Math.min(want, size - allocated));
                ByteBuffer buffer = ByteBuffer.allocate(capacity);
                allocationWatch.accept(buffer);
                buffers.add(buffer);
                allocated += capacity;
            }
            ByteBuffer target = buffers.get(buffers.size() - 1);
            int n = Math.min(in.remaining(), target.remaining());
            ByteBuffer slice = in.slice();
            slice.limit(n);
            target.put(slice);
            in.position(in.position() + n);
            filled += n;
            return n;
        }
    }
}
