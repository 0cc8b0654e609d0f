package io.reactives3.transfer.internal;

import org.jspecify.annotations.Nullable;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.AccessDeniedException;
import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.error.S3TimeoutException;
import io.reactives3.core.error.ServiceErrorContext;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.MemoryBudget;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.DownloadResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Downloads of the Reactor backend: parallel ranged GETs, each carrying {@code If-Match} with the ETag of the
 * HEAD that started the download; a part whose response names another ETag (a store that ignores
 * {@code If-Match}, such as LocalS3) fails the same way, with {@link PreconditionFailedException}. Each range is
 * retried on its own ({@link PartRetry}) and must deliver exactly its length.
 *
 * <p>To a file: ranges are written with positional writes, on the engine's own pool of file-write threads, into a
 * temporary file in the destination's folder, which is renamed over the destination only when every byte arrived
 * and was checked ({@link Staging}). Each range reserves its length from the engine's {@link MemoryBudget} before it
 * is requested ({@link #readAllToFile}).
 *
 * <p>To a stream: small ranges, each held whole (the client's buffers, not copied) in memory reserved from the
 * engine's {@link MemoryBudget}, a few read ahead, emitted in order as the subscriber asks (see {@link #body}): a
 * slow subscriber holds at most the window, and a paused one does not stall the HTTP reads (each range is read
 * whole as soon as its memory is reserved), so no read timeout hits it.
 *
 * <p>Checks (see {@link ReadPlan}): the content must give the stored CRC or the ETag, in one of the plan's candidate
 * part layouts. A file download digests the first layout while reading and the others from the downloaded file (no
 * second GET), so an object in any candidate layout is read once. When none matches, the read was corrupted or the object
 * has a layout no candidate guessed (or an ETag that is not a digest: SSE-KMS or SSE-C on AWS). A file download then
 * reads everything once more: a second read that gives the ETag wins; a second read identical to the first means the
 * ETag cannot be checked (accepted, {@code contentVerified=false}, logged); two different reads are a
 * {@link DataIntegrityException}. A stream cannot be read twice: it digests every candidate layout as it goes, and a
 * mismatch fails it at the end only when the layout is certain ({@link ReadPlan#layoutCertain()}); otherwise the
 * stream completes and the unverified content is logged, so that a correct download of an object in an unknown
 * layout never fails.
 */
final class RangedDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(RangedDownloader.class);

    /** Buffers of a digested range queued for the engine's threads (the clients' buffers are 8-64 KiB). */
    private static final int DIGEST_PREFETCH = 32;

    private final RangedGetClients clients;
    private final TransferSettings settings;
    private final Scheduler work;
    private @Nullable ExecutorService fileWrites;
    private boolean closed;

    RangedDownloader(RangedGetClients clients, TransferSettings settings, Scheduler work) {
        this.clients = clients;
        this.settings = settings;
        this.work = work;
    }

    /**
     * The threads of file downloads' positional writes ({@link PositionalFile}): {@code threads} daemon threads of the
     * engine's own ({@code reactive-s3-file-write-N}), a fixed number however slow the disk (the JDK's default pool
     * for asynchronous file channels is a cached one, which adds a thread for every write waiting on a slow disk). The
     * threads are started with the pool, so that handing a write over never takes a lock (the queue is lock-free): it
     * happens on non-blocking threads. Writes queue behind the threads; each range has at most one write in flight,
     * so the queue is bounded by the ranges in flight. Built by the first file download (on a thread that may block).
     */
    static ExecutorService fileWritePool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new LinkedTransferQueue<>(), task -> {
                    Thread thread = new Thread(task, "reactive-s3-file-write-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.prestartAllCoreThreads();
        return pool;
    }

    /** The pool of file writes, built by the first file download; none once the engine is closed. */
    private synchronized Executor fileWrites() {
        if (closed) {
            throw new IllegalStateException("the transfer engine is closed");
        }
        if (fileWrites == null) {
            fileWrites = fileWritePool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        }
        return fileWrites;
    }

    /** Stops the file-write threads once the writes already queued are done; later writes are refused. */
    synchronized void close() {
        closed = true;
        if (fileWrites != null) {
            fileWrites.shutdown();
        }
    }

    // ------------------------------------------------------------------ to a file

    Mono<DownloadResult> toFile(String bucket, String key, Path destination, TransferRun run) {
        return head(bucket, key).flatMap(head -> toFile(head, destination, run));
    }

    /** Downloads the object {@code head} describes (its ETag pins the content). */
    Mono<DownloadResult> toFile(ObjectHead head, Path destination, TransferRun run) {
        ReadPlan plan = ReadPlan.forFile(head, settings);
        run.plan(plan.size(), plan.ranges().partCount());
        return Staging.stage(destination, "downloadFile s3://" + head.bucket() + "/" + head.key(), this::fileWrites,
                        staged -> verified(plan, staged.file(), () -> plan.digestsWhileReading()
                                ? readAllToFile(plan, staged.out(), run)
                                : readAllToFile(plan, staged.out(), run).then(fileDigests(plan, staged.file()))))
                .map(verified -> {
                    run.itemsDone(1);
                    return new DownloadResult(head.bucket(), head.key(), destination, plan.size(), head.eTag(),
                            head.versionId(), plan.ranges().partCount(), TransferBackend.REACTOR, verified);
                });
    }

    /**
     * Reads every range into {@code out}, {@code concurrency} at a time and fewer when the engine's memory budget
     * has no room: a range reserves its length (at most the whole budget) before it is requested, its retries
     * included, and gives it back when its last write is done, or on error and cancel. What a range holds at once
     * (buffers received and not yet written, those queued for the digest, the chunk being gathered for a write) never
     * exceeds its length, so the budget bounds the heap of all file downloads of the process, however slowly the disk
     * or the digest drains them.
     */
    private Mono<List<byte[]>> readAllToFile(ReadPlan plan, PositionalFile out, TransferRun run) {
        int window = Math.max(1, settings.concurrency());
        MemoryBudget budget = settings.memoryBudget();
        return Flux.range(1, plan.ranges().partCount())
                .flatMapSequential(n -> Reserved.holding(budget, Math.min(plan.ranges().length(n), budget.capacity()),
                        reservation -> PartRetry.withRetries(Mono.defer(() -> readRange(plan, n,
                                new FileSink(out, plan.ranges().offset(n) + plan.ranges().length(n)),
                                plan.digestsWhileReading(), run)), settings, describe(plan, n))), window, 1)
                .collectList()
                .map(RangedDownloader::flatten);
    }

    /**
     * Runs {@code read} (which downloads into {@code file}) and checks the digests it gives, and the other candidate
     * layouts digested from {@code file}, against the plan (see the class comment); emits whether the content was
     * verified. {@code read} is run a second time only when no candidate matches.
     */
    static Mono<Boolean> verified(ReadPlan plan, Path file, Supplier<Mono<List<byte[]>>> read) {
        if (plan.check() == ReadPlan.Check.NONE) {
            return read.get().thenReturn(false);
        }
        String target = describe(plan);
        return read.get().flatMap(first -> anyLayoutMatches(plan, first, file).flatMap(firstMatches -> {
            if (firstMatches) {
                return Mono.just(true);
            }
            LOG.warn("{}: the content read gives {} {} but the object's is {} (part sizes tried: {}); reading it "
                    + "again to tell a corrupted read from a value that is not a digest of the content", target,
                    plan.expectedName(), plan.digestOf(first), plan.expected(), plan.layouts());
            return read.get().flatMap(second -> anyLayoutMatches(plan, second, file).flatMap(secondMatches -> {
                if (secondMatches) {
                    return Mono.just(true);
                }
                if (sameDigests(first, second)) {
                    LOG.warn("{}: two reads gave the same content, whose digest differs from {} {} (a part layout "
                            + "none of {} gives, or an SSE-KMS/SSE-C ETag): content accepted unverified", target,
                            plan.expectedName(), plan.expected(), plan.layouts());
                    return Mono.just(false);
                }
                return Mono.error(new DataIntegrityException(target + ": two reads gave different content and "
                        + "neither matches " + plan.expectedName() + " " + plan.expected() + " ("
                        + plan.digestOf(first) + ", " + plan.digestOf(second) + ")"));
            }));
        }));
    }

    /**
     * Whether {@code digests} (of the plan's first layout) give the ETag, or else the digests of one of its other
     * candidate layouts, computed from the downloaded {@code file}.
     */
    private static Mono<Boolean> anyLayoutMatches(ReadPlan plan, List<byte[]> digests, Path file) {
        if (plan.matches(digests)) {
            return Mono.just(true);
        }
        return Flux.fromIterable(plan.otherSizes())
                .concatMap(partSize -> ofLocalFile(plan, file,
                        LocalFiles.partDigests(file, plan.size(), partSize, plan.hash())))
                .any(plan::matches);
    }

    /**
     * The digests the plan checks, computed from a downloaded file (pieces in parallel, bounded-elastic; a whole
     * MD5 in one pass).
     */
    static Mono<List<byte[]>> fileDigests(ReadPlan plan, Path file) {
        Mono<List<byte[]>> digests = switch (plan.check()) {
            case NONE -> Mono.just(List.of());
            case WHOLE -> plan.hash() == ContentHash.MD5
                    ? Mono.fromCallable(() -> List.of(LocalFiles.digest(file, plan.size(), IntegrityMode.MD5).md5()))
                            .subscribeOn(Schedulers.boundedElastic())
                    : LocalFiles.partDigests(file, plan.size(), plan.segmentSize(), plan.hash());
            case PARTS -> LocalFiles.partDigests(file, plan.size(), plan.segmentSize(), plan.hash());
        };
        return ofLocalFile(plan, file, digests);
    }

    /** {@code work} on the downloaded {@code file}, its I/O errors as {@link LocalFiles#fileError}s. */
    private static <T> Mono<T> ofLocalFile(ReadPlan plan, Path file, Mono<T> work) {
        return work.onErrorMap(e -> LocalFiles.fileError("downloadFile " + describe(plan), file, e));
    }

    // ------------------------------------------------------------------ to a stream

    /** Bytes per ranged GET of a stream download; small, so that a slow subscriber holds little. */
    static final long STREAM_RANGE = 2 * TransferSettings.MIB;
    /**
     * Ranged GETs a stream download runs at once. With the range being digested and the one being emitted, a stream
     * holds at most {@code STREAM_GETS + 3} ranges (10 MiB) however slow its subscriber.
     */
    static final int STREAM_GETS = 2;

    Mono<ObjectStream> toStream(String bucket, String key) {
        return head(bucket, key).map(head -> new ObjectStream(head, body(ReadPlan.forStream(head, settings,
                STREAM_RANGE))));
    }

    /**
     * Ranges of {@link #STREAM_RANGE} read ahead of the subscriber ({@link #STREAM_GETS} at once, fewer when the
     * engine's memory budget has no room: a range reserves its bytes before it is requested and gives them back once
     * the subscriber has taken its last buffer, or on cancel and error). Emitted in order; digested in order on the
     * engine's threads in each candidate layout of the plan, and checked at the end ({@link #streamChecked}).
     */
    Flux<ByteBuffer> body(ReadPlan plan) {
        int window = Math.max(1, Math.min(settings.concurrency(), STREAM_GETS));
        TransferRun run = TransferRun.single();
        MemoryBudget budget = settings.memoryBudget();
        return Flux.defer(() -> {
            List<SegmentDigester> digesters = plan.layouts().stream()
                    .map(segmentSize -> new SegmentDigester(segmentSize, plan.hash())).toList();
            Set<MemoryBudget.Reservation> held = ConcurrentHashMap.newKeySet();
            return Flux.range(1, plan.ranges().partCount())
                    .flatMapSequential(n -> budget.reserve(plan.ranges().length(n))
                            .doOnNext(held::add)
                            .flatMap(reservation -> PartRetry.withRetries(readRangeToMemory(plan, n, run), settings,
                                            describe(plan, n))
                                    .map(buffers -> new HeldRange(buffers, reservation))
                                    .doOnError(e -> reservation.release())), window, 1)
                    .concatMap(range -> digesters.isEmpty() ? Mono.just(range) : Mono.fromCallable(() -> {
                        range.buffers().forEach(buffer -> digesters.forEach(d -> d.update(buffer)));
                        return range;
                    }).subscribeOn(work), 1)
                    .concatMapIterable(HeldRange::emitting, 1)
                    .concatWith(Mono.defer(() -> streamChecked(plan, digesters)))
                    .doFinally(signal -> held.forEach(MemoryBudget.Reservation::release));
        }).doOnDiscard(HeldRange.class, HeldRange::release)
                .doOnDiscard(MemoryBudget.Reservation.class, MemoryBudget.Reservation::release);
    }

    /**
     * The end of a stream: empty when a candidate layout's digests give the ETag (or nothing is checked); a
     * {@link DataIntegrityException} when none does and the layout is certain; otherwise empty, logged as unverified.
     */
    private static Mono<ByteBuffer> streamChecked(ReadPlan plan, List<SegmentDigester> digesters) {
        if (digesters.isEmpty()) {
            return Mono.empty();
        }
        List<List<byte[]>> digests = digesters.stream().map(SegmentDigester::finish).toList();
        if (digests.stream().anyMatch(plan::matches)) {
            return Mono.empty();
        }
        String mismatch = "downloadStream " + describe(plan) + ": the content read gives " + plan.expectedName()
                + " " + plan.digestOf(digests.get(0)) + " but the object's is " + plan.expected();
        if (plan.layoutCertain()) {
            return Mono.error(new DataIntegrityException(mismatch));
        }
        LOG.warn("{} in each of the part layouts tried ({}): the object's parts are in a layout none of them gives, "
                + "or the read was corrupted; a stream cannot be read again to tell which: completed unverified",
                mismatch, plan.layouts());
        return Mono.empty();
    }

    /** A range read whole into memory, and the memory it holds until its last buffer is handed out. */
    private record HeldRange(List<ByteBuffer> buffers, MemoryBudget.Reservation reservation) {

        /** The buffers; the reservation is given back when the iteration passes the last one. */
        Iterable<ByteBuffer> emitting() {
            return () -> new Iterator<>() {
                private final Iterator<ByteBuffer> it = buffers.iterator();

                @Override
                public boolean hasNext() {
                    boolean more = it.hasNext();
                    if (!more) {
                        reservation.release();
                    }
                    return more;
                }

                @Override
                public ByteBuffer next() {
                    return it.next();
                }
            };
        }

        void release() {
            reservation.release();
        }
    }

    private Mono<List<ByteBuffer>> readRangeToMemory(ReadPlan plan, int n, TransferRun run) {
        return Mono.defer(() -> {
            List<ByteBuffer> buffers = new ArrayList<>();
            return readRange(plan, n, (buffer, at) -> {
                buffers.add(buffer);
                return Mono.empty();
            }, false, run).thenReturn(buffers);
        });
    }

    /**
     * HeadObject, retried as a part is ({@link PartRetry}: a throttled or failed HEAD must not fail a download that
     * a part would have retried). A store that accepts the request and never answers fails it with the client's read
     * timeout (the Netty client's {@code readTimeout}; on the CRT HTTP client, a connection moving nothing for that
     * long), after the attempts.
     */
    Mono<ObjectHead> head(String bucket, String key) {
        return head(clients.base(), bucket, key, settings);
    }

    /**
     * The HEAD that starts a download, retried as a part is. Under the {@code AUTO} and {@code CRC32} modes it asks
     * for the object's stored checksums (which the download then checks instead of the ETag); where that is refused
     * (on AWS, an SSE-KMS object without {@code kms:Decrypt}), it asks again without.
     */
    static Mono<ObjectHead> head(ReactiveS3Client client, String bucket, String key, TransferSettings settings) {
        boolean checksums = settings.integrity() == IntegrityMode.AUTO || settings.integrity() == IntegrityMode.CRC32;
        Mono<ObjectHead> plain = client.headObject(bucket, key);
        Mono<ObjectHead> head = !checksums ? plain : client.headObject(bucket, key, o -> o.checksums(true))
                .onErrorResume(AccessDeniedException.class, denied -> plain);
        return PartRetry.withRetries(head, settings, "HeadObject s3://" + bucket + "/" + key);
    }

    // ------------------------------------------------------------------ one range

    /** Where a range's bytes go: {@code buffer} belongs at object offset {@code at}; completes when consumed. */
    interface Sink {
        Mono<Void> accept(ByteBuffer buffer, long at);

        /** The range ended: completes when every byte accepted is where it belongs. */
        default Mono<Void> finish() {
            return Mono.empty();
        }
    }

    /**
     * Writes a range into the file with positional writes of up to 256 KiB: the clients deliver small buffers (the
     * SDK's Netty client 8 KiB), so they are gathered first, one write per chunk instead of one per buffer; a chunk
     * is never larger than what is left of the range (ending at {@code end}). One per range attempt; fed serially.
     */
    private static final class FileSink implements Sink {
        private static final int CHUNK = 256 * 1024;
        private final PositionalFile out;
        private final long end;
        private ByteBuffer pending;
        private long pendingAt;

        FileSink(PositionalFile out, long end) {
            this.out = out;
            this.end = end;
        }

        @Override
        public Mono<Void> accept(ByteBuffer buffer, long at) {
            if (pending != null && (pending.remaining() < buffer.remaining() || pendingAt + pending.position() != at)) {
                Mono<Void> flushed = flush();
                return flushed.then(accept(buffer, at));
            }
            if (pending == null) {
                if (buffer.remaining() >= CHUNK) {
                    return out.write(buffer, at);
                }
                pending = ByteBuffer.allocate((int) Math.max(buffer.remaining(), Math.min(CHUNK, end - at)));
                pendingAt = at;
            }
            pending.put(buffer);
            return pending.hasRemaining() ? Mono.empty() : flush();
        }

        @Override
        public Mono<Void> finish() {
            return pending == null ? Mono.empty() : flush();
        }

        private Mono<Void> flush() {
            ByteBuffer full = pending.flip();
            long at = pendingAt;
            pending = null;
            return out.write(full, at);
        }
    }

    /**
     * Reads range {@code n} (one attempt): checks the response is the object of the plan and exactly the range, hands
     * each buffer to {@code sink} in order, and emits the MD5s of the segments it covered when the plan digests while
     * reading (else an empty list). Bytes are counted as they arrive and taken back if the attempt fails.
     */
    private Mono<List<byte[]>> readRange(ReadPlan plan, int n, Sink sink, boolean digest, TransferRun run) {
        return Mono.defer(() -> {
            long first = plan.ranges().offset(n);
            long length = plan.ranges().length(n);
            long[] received = {0};
            SegmentDigester digester = digest ? new SegmentDigester(plan.segmentSize(), plan.hash()) : null;
            GetObjectRequest request = GetObjectRequest.builder().bucket(plan.head().bucket()).key(plan.head().key())
                    .range("bytes=" + first + "-" + (first + length - 1))
                    .ifMatch(plan.eTag() == null ? null : "\"" + plan.eTag() + "\"")
                    .build();
            return clients.forRanges(plan.ranges().partCount()).flatMap(client -> client.getObjectStream(request)
                    // no response head in time: a store that accepted the request and never answers
                    .timeout(settings.partIdleTimeout(), Mono.error(() -> new S3TimeoutException(
                            describe(plan, n) + ": no response within " + settings.partIdleTimeout()
                                    + " (TransferSettings.partIdleTimeout)", null))))
                    .flatMap(stream -> {
                        S3ServiceException changed = changed(plan.head(), stream.head().eTag());
                        if (changed != null || !Long.valueOf(length).equals(stream.head().contentLength())) {
                            discard(stream);
                            return Mono.error(changed != null ? changed : new DataIntegrityException(describe(plan, n)
                                    + ": asked for " + length + " bytes, the response announced "
                                    + stream.head().contentLength()));
                        }
                        Flux<ByteBuffer> body = stream.body()
                                // a stalled or silently cut connection: fail the part so that it is retried
                                .timeout(settings.partIdleTimeout(), Mono.error(() -> new S3TimeoutException(
                                        describe(plan, n) + ": no byte for " + settings.partIdleTimeout()
                                                + " after " + received[0] + " of " + length
                                                + " (stalled or cut connection; raise TransferSettings"
                                                + ".partIdleTimeout for slow links)", null)));
                        // digesting on the engine's threads, in publishOn's drain (in concatMap the next buffer
                        // would be taken up by the file-write thread that completed the previous write): the HTTP
                        // client's event loop (the CRT's, under AUTO) only moves bytes, ranges are digested side by
                        // side, and a range's digest runs while its previous chunk is being written
                        return (digester == null ? body : body.publishOn(work, DIGEST_PREFETCH)
                                        .doOnNext(digester::update))
                                .concatMap(buffer -> {
                                    int size = buffer.remaining();
                                    if (received[0] + size > length) {
                                        return Mono.error(new DataIntegrityException(describe(plan, n)
                                                + ": the response is longer than the " + length + " bytes asked"));
                                    }
                                    long at = first + received[0];
                                    received[0] += size;
                                    run.bytes(size);
                                    return sink.accept(buffer, at);
                                }, 1)
                                .then(Mono.defer(sink::finish))
                                .then(Mono.fromCallable(() -> {
                                    if (received[0] != length) {
                                        throw new DataIntegrityException(describe(plan, n) + ": received "
                                                + received[0] + " of " + length + " bytes");
                                    }
                                    run.partDone();
                                    return digester == null ? List.<byte[]>of() : digester.finish();
                                }));
                    })
                    .doOnError(e -> run.bytes(-received[0]));
        });
    }

    /** A precondition failure when {@code part} is not the object {@code expected} described, else {@code null}. */
    static @Nullable S3ServiceException changed(ObjectHead expected, @Nullable String currentETag) {
        if (expected.eTag() == null || currentETag == null || expected.eTag().equals(currentETag)) {
            return null;
        }
        return new PreconditionFailedException(new ServiceErrorContext("GetObject", expected.bucket(),
                expected.key(), 412, "PreconditionFailed", null, "the object changed during the download (ETag "
                + expected.eTag() + ", now " + currentETag + "; the store did not apply If-Match)"), null);
    }

    private static void discard(ObjectStream stream) {
        stream.body().subscribe(new BaseSubscriber<ByteBuffer>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.cancel();
            }
        });
    }

    private static String describe(ReadPlan plan, int n) {
        return "GetObject " + describe(plan) + " part " + n + " of " + plan.ranges().partCount();
    }

    private static String describe(ReadPlan plan) {
        return "s3://" + plan.head().bucket() + "/" + plan.head().key();
    }

    private static List<byte[]> flatten(List<List<byte[]>> lists) {
        List<byte[]> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return all;
    }

    private static boolean sameDigests(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
