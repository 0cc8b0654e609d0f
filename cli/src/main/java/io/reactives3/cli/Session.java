package io.reactives3.cli;

import io.reactives3.core.ListMultipartUploadsOptions;
import io.reactives3.core.error.S3ToolkitException;
import io.reactives3.core.model.MultipartUploadSummary;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * What one command runs with: its endpoints, the output, and the waiting loop. Work runs on Reactor threads; this
 * thread (the command's) waits for it, prints everything (messages queued by the work, the progress bar), and
 * notices a cancel (Ctrl-C), which disposes the work and makes sure no multipart upload it started is left.
 */
final class Session implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(100);

    final Options options;
    final Endpoint target;
    /** The source endpoint: {@link #target} unless {@code --source-endpoint}/{@code --source-server} name another. */
    final Endpoint source;
    final PrintStream out;
    final PrintStream err;
    final boolean quiet;
    private final ProgressBar bar;
    private final boolean showProgress;
    private final BooleanSupplier cancelled;
    private final Queue<String> messages = new ConcurrentLinkedQueue<>();
    /** Uploads in flight ("endpoint:bucket/key" to where), aborted if still there after a cancel. */
    private final Set<Upload> uploads = ConcurrentHashMap.newKeySet();
    private final List<String> failures = new ArrayList<>();
    private long failureCount;

    record Upload(Endpoint endpoint, String bucket, String key) {
    }

    Session(Options options, Endpoint target, Endpoint source, PrintStream out, PrintStream err, boolean terminal,
            BooleanSupplier cancelled) {
        this.options = options;
        this.target = target;
        this.source = source;
        this.out = out;
        this.err = err;
        this.quiet = options.has("quiet");
        this.showProgress = !quiet && !options.has("no-progress");
        this.bar = new ProgressBar(out, terminal, options.durationSeconds("progress-interval", 2));
        this.cancelled = cancelled;
    }

    /** Throws the interrupted {@link CliException} when the command was cancelled (Ctrl-C). */
    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw CliException.interrupted();
        }
    }

    /** Queues a line for the output (safe from any thread; printed by the waiting thread). */
    void say(String line) {
        if (!quiet) {
            messages.add(line);
        }
    }

    /** Records a key that failed (safe from any thread); reported at the end, and the exit code becomes 1. */
    void failed(String item, Throwable error) {
        synchronized (failures) {
            failureCount++;
            if (failures.size() < 1000) {
                failures.add(item + ": " + Rs3.describe(error, this));
            }
        }
    }

    void tracking(Upload upload, boolean inFlight) {
        if (inFlight) {
            uploads.add(upload);
        } else {
            uploads.remove(upload);
        }
    }

    /**
     * Runs {@code work} and waits for its value, printing queued lines and the progress of {@code meter}
     * (may be null) meanwhile.
     *
     * @throws CliException (interrupted) when the command was cancelled; the work is disposed first
     */
    <T> @Nullable T await(Mono<T> work, @Nullable Meter meter) {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Disposable running = work.subscribe(value::set, e -> {
            error.set(e);
            done.countDown();
        }, done::countDown);
        try {
            while (!done.await(TICK.toMillis(), TimeUnit.MILLISECONDS)) {
                drain();
                if (cancelled.getAsBoolean()) {
                    running.dispose();
                    throw CliException.interrupted();
                }
                if (meter != null && showProgress) {
                    meter.show(bar, false);
                }
            }
        } catch (InterruptedException e) {
            running.dispose();
            Thread.currentThread().interrupt();
            throw CliException.interrupted();
        }
        drain();
        if (meter != null && showProgress && meter.started()) {
            meter.show(bar, true);
        }
        Throwable e = error.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
        return value.get();
    }

    private void drain() {
        for (String line = messages.poll(); line != null; line = messages.poll()) {
            bar.message(line);
        }
    }

    /**
     * After a cancel: waits (up to 5 s) for the engine's aborts of the uploads that were in flight to land, then
     * aborts any still listed for those keys. Returns how many this had to abort itself.
     */
    int abortLeftovers() {
        int aborted = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (Upload u : List.copyOf(uploads)) {
            List<MultipartUploadSummary> left = List.of();
            do {
                try {
                    left = u.endpoint().client.listMultipartUploads(u.bucket(),
                                    ListMultipartUploadsOptions.builder().prefix(u.key()).build())
                            .filter(s -> s.key().equals(u.key())).collectList().block(Duration.ofSeconds(10));
                } catch (S3ToolkitException e) {
                    err.println("rs3: could not list the multipart uploads of s3://" + u.bucket() + "/" + u.key()
                            + ": " + e.getMessage());
                    break;
                }
                if (left == null || left.isEmpty()) {
                    break;
                }
                sleep(100);
            } while (System.nanoTime() < deadline);
            for (MultipartUploadSummary s : left == null ? List.<MultipartUploadSummary>of() : left) {
                try {
                    u.endpoint().client.abortMultipartUpload(s.handle()).block(Duration.ofSeconds(10));
                    aborted++;
                } catch (S3ToolkitException e) {
                    err.println("rs3: could not abort the multipart upload of s3://" + u.bucket() + "/" + u.key()
                            + " (" + s.uploadId() + "): " + e.getMessage());
                }
            }
        }
        return aborted;
    }

    /** Prints the per-key failure report; returns the exit code: 0, or 1 when any key failed. */
    int report(String verb, long items) {
        synchronized (failures) {
            if (failureCount == 0) {
                return Rs3.OK;
            }
            err.println("rs3 " + verb + ": " + failureCount + " of " + items + " failed:");
            failures.forEach(f -> err.println("  " + f));
            if (failureCount > failures.size()) {
                err.println("  ... and " + (failureCount - failures.size()) + " more");
            }
            return Rs3.SOME_FAILED;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (source != target) {
            source.close();
        }
        target.close();
    }

    /** Counters of a running job, updated from any thread, shown by the waiting thread. */
    static final class Meter {
        private final String label;
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong items = new AtomicLong();
        private volatile long totalBytes = -1;
        private volatile long totalItems = -1;
        private final long start = System.nanoTime();

        Meter(String label) {
            this.label = label;
        }

        Meter totals(long bytes, long items) {
            this.totalBytes = bytes;
            this.totalItems = items;
            return this;
        }

        void addTotal(long delta) {
            totalBytes = Math.max(0, totalBytes) + delta;
        }

        void addBytes(long delta) {
            bytes.addAndGet(delta);
        }

        void itemDone() {
            items.incrementAndGet();
        }

        long bytes() {
            return bytes.get();
        }

        boolean started() {
            return totalItems != 0;
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        void show(ProgressBar bar, boolean last) {
            Long total = totalBytes < 0 ? null : totalBytes;
            String detail = totalItems > 1 ? items.get() + "/" + totalItems + " objects" : null;
            if (last) {
                bar.finish(label, bytes.get(), total, elapsed(), detail);
            } else {
                bar.update(label, bytes.get(), total, elapsed(), detail);
            }
        }
    }
}
