package io.reactives3.transfer;

import io.reactives3.core.error.InvalidInputException;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The bytes that transfers may hold in memory at once, shared by every transfer of the engines that use it: part
 * buffers of uploads, the ranges a file download has in flight and those a stream download reads ahead. A transfer
 * reserves bytes before it allocates them and gives them back on completion, error and cancel; when none are free it
 * waits, in order of arrival, and stops reading its source meanwhile.
 *
 * <p>By default every engine of a JVM shares {@link #jvmDefault()}: a quarter of the maximum heap
 * ({@code -Xmx}), so that a service's transfers together never hold more than that, however many run at once. Give
 * engines their own with {@link #ofBytes(long)} and {@link TransferSettings.Builder#memoryBudget(MemoryBudget)}, or
 * share one between engines by passing the same instance.
 *
 * <p>A request that can never fit (more bytes than the capacity) fails at once with
 * {@link InvalidInputException}; the engine checks its part size against the capacity when it is created.
 * Thread-safe.
 */
public final class MemoryBudget {

    /** The share of the maximum heap {@link #jvmDefault()} gives transfers. */
    public static final double DEFAULT_HEAP_SHARE = 0.25;

    private static final MemoryBudget JVM_DEFAULT = new MemoryBudget((long) (Runtime.getRuntime().maxMemory()
            * DEFAULT_HEAP_SHARE));

    private final long capacity;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** Reservations that must leave room free ({@link #reserve(long, long)}): a line of their own. */
    private final ArrayDeque<Waiter> keepingFree = new ArrayDeque<>();
    private long inUse;
    private long waitingBytes;
    /** The largest plain reservation asked for so far: {@link #reserve(long, long)} leaves this much free. */
    private long largestReservation;

    private MemoryBudget(long capacity) {
        if (capacity <= 0) {
            throw new InvalidInputException("a memory budget must be > 0 bytes, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** A budget of {@code capacity} bytes, for the engines given it. */
    public static MemoryBudget ofBytes(long capacity) {
        return new MemoryBudget(capacity);
    }

    /**
     * The budget every engine uses unless told otherwise: {@value #DEFAULT_HEAP_SHARE} of the JVM's maximum heap
     * (32 MiB at {@code -Xmx128m}, 1 GiB at {@code -Xmx4g}), one instance per JVM.
     */
    public static MemoryBudget jvmDefault() {
        return JVM_DEFAULT;
    }

    /** The most bytes reserved at once. */
    public long capacity() {
        return capacity;
    }

    /** Bytes reserved now. */
    public synchronized long inUse() {
        return inUse;
    }

    /** Reservations waiting for bytes to be given back. */
    public synchronized int waiting() {
        return waiters.size() + keepingFree.size();
    }

    /** Bytes the waiting reservations ask for. */
    public synchronized long waitingBytes() {
        return waitingBytes;
    }

    /**
     * Reserves {@code bytes}: emits the {@link Reservation} once they are free, waiting behind earlier requests.
     * Nothing is reserved before subscription; cancelling while waiting leaves the queue; a reservation emitted to a
     * subscriber that cancelled meanwhile is given back. Fails at once with {@link InvalidInputException} when
     * {@code bytes} exceeds the capacity (it could never be served).
     */
    public Mono<Reservation> reserve(long bytes) {
        return reserve(bytes, 0);
    }

    /**
     * Reserves {@code bytes} such that at least {@code keepFree} bytes (and the largest reservation asked of this
     * budget so far) stay free afterwards; otherwise as {@link #reserve(long)}. Such reservations wait in a line of
     * their own, so they never hold up a plain reservation that fits. The engine starts every upload of unknown size
     * with a small one: many small uploads then run side by side without waiting for a part's worth of memory each,
     * and never take the room a part needs to be completed.
     */
    public Mono<Reservation> reserve(long bytes, long keepFree) {
        if (bytes < 0 || keepFree < 0) {
            throw new InvalidInputException("bytes and keepFree must be >= 0, got " + bytes + ", " + keepFree);
        }
        return Mono.create(sink -> {
            if (bytes + keepFree > capacity) {
                sink.error(new InvalidInputException(tooLarge(bytes + keepFree)));
                return;
            }
            Waiter waiter = new Waiter(bytes, keepFree, sink);
            boolean now;
            synchronized (this) {
                if (keepFree == 0) {
                    largestReservation = Math.max(largestReservation, bytes);
                }
                now = lineOf(waiter).isEmpty() && fits(waiter);
                if (now) {
                    inUse += bytes;
                } else {
                    lineOf(waiter).add(waiter);
                    waitingBytes += bytes;
                }
            }
            sink.onCancel(() -> cancel(waiter));
            if (now && !waiter.grant()) {
                giveBack(bytes);
            }
        });
    }

    /**
     * Reserves {@code bytes} at once if they fit with at least {@code keepFree} bytes (and, when {@code keepFree > 0},
     * the largest plain reservation asked so far) free afterwards; otherwise returns {@code null} without waiting. The engine grows the first part of an
     * upload of unknown size in such steps, as its data arrives: a small upload holds about its own size, and the room
     * a part needs to be completed always stays free, so no set of growing uploads can hold the budget between them
     * while each waits for more.
     */
    public Reservation tryReserve(long bytes, long keepFree) {
        if (bytes < 0 || keepFree < 0) {
            throw new InvalidInputException("bytes and keepFree must be >= 0, got " + bytes + ", " + keepFree);
        }
        synchronized (this) {
            if (!fits(bytes, keepFree)) {
                return null;
            }
            inUse += bytes;
        }
        return new Reservation(this, bytes);
    }

    private ArrayDeque<Waiter> lineOf(Waiter waiter) {
        return waiter.keepFree == 0 ? waiters : keepingFree;
    }

    private boolean fits(Waiter waiter) {
        return fits(waiter.bytes, waiter.keepFree);
    }

    /**
     * Whether {@code bytes} fit now: within the capacity, and for a reservation that keeps room free, leaving
     * {@code keepFree} and the largest plain reservation (as far as that can fit beside it) free. Caller holds the lock.
     */
    private boolean fits(long bytes, long keepFree) {
        long limit = keepFree == 0 ? capacity
                : capacity - Math.max(keepFree, Math.min(largestReservation, capacity - bytes));
        return inUse + bytes <= limit;
    }

    private String tooLarge(long bytes) {
        return "a transfer needs " + bytes + " bytes in memory at once, more than the whole memory budget ("
                + capacity + " bytes): lower TransferSettings.partSize or give the engine a larger "
                + "TransferSettings.memoryBudget (the default is a quarter of -Xmx)";
    }

    private void cancel(Waiter waiter) {
        if (waiter.state.compareAndSet(Waiter.WAITING, Waiter.CANCELLED)) {
            boolean removed;
            synchronized (this) {
                removed = lineOf(waiter).remove(waiter);
                if (removed) {
                    waitingBytes -= waiter.bytes;
                }
            }
            if (removed) {
                grantWaiters();
            }
        } else {
            waiter.reservation.release();   // granted while the subscriber cancelled, not delivered: give it back
        }
    }

    private void giveBack(long bytes) {
        synchronized (this) {
            inUse -= bytes;
        }
        grantWaiters();
    }

    private void grantWaiters() {
        while (true) {
            Waiter next;
            synchronized (this) {
                next = waiters.peek();
                if (next == null || !fits(next)) {
                    next = keepingFree.peek();
                    if (next == null || !fits(next)) {
                        return;
                    }
                }
                lineOf(next).poll();
                waitingBytes -= next.bytes;
                inUse += next.bytes;
            }
            if (!next.grant()) {
                giveBack(next.bytes);
                return;
            }
        }
    }

    @Override
    public String toString() {
        synchronized (this) {
            return "MemoryBudget[capacity=" + capacity + ", inUse=" + inUse + ", waiting=" + waiting() + "]";
        }
    }

    /**
     * Bytes reserved from a {@link MemoryBudget}. {@link #release()} gives them back (only the first call counts);
     * {@link #shrinkTo(long)} gives back what a smaller buffer than expected did not use.
     */
    public static final class Reservation {
        private final MemoryBudget budget;
        private final AtomicBoolean released = new AtomicBoolean();
        private long bytes;

        private Reservation(MemoryBudget budget, long bytes) {
            this.budget = budget;
            this.bytes = bytes;
        }

        /** The bytes held. */
        public synchronized long bytes() {
            return bytes;
        }

        /** Gives back every byte held; later calls do nothing. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                long held;
                synchronized (this) {
                    held = bytes;
                    bytes = 0;
                }
                budget.giveBack(held);
            }
        }

        /** Gives back the bytes above {@code bytes} (no-op when it holds no more than that, or is released). */
        public void shrinkTo(long bytes) {
            long surplus;
            synchronized (this) {
                if (released.get() || bytes >= this.bytes) {
                    return;
                }
                surplus = this.bytes - bytes;
                this.bytes = bytes;
            }
            budget.giveBack(surplus);
        }

        /** Takes over {@code other}'s bytes (both from the same budget); {@code other} is spent. */
        public void merge(Reservation other) {
            if (other.budget != budget) {
                throw new IllegalArgumentException("reservations of different budgets");
            }
            if (other.released.compareAndSet(false, true)) {
                long moved;
                synchronized (other) {
                    moved = other.bytes;
                    other.bytes = 0;
                }
                boolean giveBack;
                synchronized (this) {
                    giveBack = released.get();
                    if (!giveBack) {
                        bytes += moved;
                    }
                }
                if (giveBack) {
                    budget.giveBack(moved);
                }
            }
        }

        @Override
        public String toString() {
            return "Reservation[" + bytes() + " bytes" + (released.get() ? ", released]" : "]");
        }
    }

    private final class Waiter {
        static final int WAITING = 0;
        static final int GRANTED = 1;
        static final int CANCELLED = 2;
        final long bytes;
        final long keepFree;
        final MonoSink<Reservation> sink;
        final AtomicInteger state = new AtomicInteger(WAITING);
        final Reservation reservation;

        Waiter(long bytes, long keepFree, MonoSink<Reservation> sink) {
            this.bytes = bytes;
            this.keepFree = keepFree;
            this.sink = sink;
            this.reservation = new Reservation(MemoryBudget.this, bytes);
        }

        /** Hands the reserved bytes to the subscriber; false when it cancelled first (the bytes are not taken). */
        boolean grant() {
            if (!state.compareAndSet(WAITING, GRANTED)) {
                return false;
            }
            sink.success(reservation);
            return true;
        }
    }
}
