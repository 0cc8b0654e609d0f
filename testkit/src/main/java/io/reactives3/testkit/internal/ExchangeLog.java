package io.reactives3.testkit.internal;

import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.RequestLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The thread-safe {@link RequestLog} of a {@link RecordingProxy}: finished exchanges and a count of open ones. */
final class ExchangeLog implements RequestLog {

    private final List<RecordedRequest> recorded = new ArrayList<>();
    private int inFlight;

    /** Counts an exchange whose request head has arrived. */
    synchronized void begin() {
        inFlight++;
    }

    /** Records a finished exchange begun with {@link #begin()}. */
    synchronized void finish(RecordedRequest request) {
        recorded.add(request);
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    @Override
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(recorded);
    }

    /**
     * {@inheritDoc} Returns {@code false} at once, keeping the interrupt flag, when the calling thread is
     * interrupted.
     */
    @Override
    public synchronized boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            try {
                wait(remainingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void clear() {
        recorded.clear();
    }
}
