package io.reactives3.cli;

import io.reactives3.core.ReactiveS3Client;
import java.time.Duration;

/**
 * The threads on which closed clients still release their connections and Netty event loops
 * ({@link ReactiveS3Client#CLOSE_THREAD_NAME}). HotSpot, when it exits, waits up to 300 ms for every thread that is in
 * native code, as an event loop waiting for network events is; so a command about to exit first gives these threads a
 * short time to end (they take some milliseconds).
 */
final class ClosingClients {

    private ClosingClients() {
    }

    /** Waits until the closing threads have ended or {@code max} has passed; returns whether they all ended. */
    static boolean awaitEnd(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.getName().equals(ReactiveS3Client.CLOSE_THREAD_NAME)) {
                continue;
            }
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            try {
                if (leftMillis > 0) {
                    thread.join(leftMillis);
                }
                if (thread.isAlive()) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
