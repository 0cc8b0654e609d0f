package io.reactives3.transfer.internal;

import io.reactives3.core.HttpTransport;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.spi.ClientVariants;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The clients the Reactor engine's downloads send their requests over. HeadObject and a download of one range go over
 * the engine's client; a download of several ranges, in AUTO, over the same client rebuilt on the CRT HTTP client,
 * which downloaded faster than the SDK's Netty client in every run of {@code TransferThroughputBenchmark} (1 GiB,
 * S3Proxy and Ceph RGW: +12 % to +63 %).
 *
 * <p>That CRT client is built lazily, on the first download of several ranges (once, on a bounded-elastic thread:
 * loading the native library reads and writes files), so that an engine that never downloads a large object never
 * loads the CRT, costs nothing to build, and leaves no CRT threads that the process would wait for at exit. The client
 * as given is kept when it already uses the CRT, wraps a caller's SDK client (not rebuildable), or the CRT cannot load
 * here; logged either way. {@link #close()} closes the CRT client if it was built; a download after close uses the
 * engine's client.
 */
final class RangedGetClients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RangedGetClients.class);

    private final ReactiveS3Client base;
    private final boolean overCrt;
    private final Object lock = new Object();
    /** The client of multi-range downloads once chosen ({@code base} or one the engine built and owns). */
    private @Nullable ReactiveS3Client ranged;
    private boolean closed;

    /**
     * @param base    the engine's client (HeadObject, single-range downloads, and all of them unless {@code overCrt})
     * @param overCrt whether multi-range downloads go over the CRT HTTP client when one can be built
     */
    RangedGetClients(ReactiveS3Client base, boolean overCrt) {
        this.base = base;
        this.overCrt = overCrt && base.settings().httpTransport() != HttpTransport.CRT;
        if (!this.overCrt) {
            ranged = base;
        }
    }

    /** The engine's client: HeadObject and anything that is not a ranged GET. */
    ReactiveS3Client base() {
        return base;
    }

    /** The client for a GET of a download split into {@code ranges} ranges, built on first use when needed. */
    Mono<ReactiveS3Client> forRanges(int ranges) {
        if (ranges <= 1) {
            return Mono.just(base);
        }
        ReactiveS3Client known;
        synchronized (lock) {
            known = ranged;
        }
        return known != null ? Mono.just(known)
                : Mono.fromCallable(this::rangedClient).subscribeOn(Schedulers.boundedElastic());
    }

    /** Whether a CRT client was built (and not yet closed); for tests and diagnostics. */
    boolean builtOwnClient() {
        synchronized (lock) {
            return ranged != null && ranged != base;
        }
    }

    private ReactiveS3Client rangedClient() {
        synchronized (lock) {
            if (ranged == null) {
                ranged = closed ? base : build(base);
            }
            return ranged;
        }
    }

    private static ReactiveS3Client build(ReactiveS3Client client) {
        try {
            Optional<ReactiveS3Client> crtHttp = ClientVariants.overHttpTransport(client, HttpTransport.CRT);
            if (crtHttp.isPresent()) {
                LOG.info("ranged GETs of downloads over the CRT HTTP client (same settings as the client)");
                return crtHttp.get();
            }
            LOG.info("ranged GETs of downloads over the wrapped SDK client (it cannot be rebuilt over the CRT HTTP "
                    + "client)");
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("the CRT HTTP client is unavailable here ({}); ranged GETs of downloads over the client's own "
                    + "HTTP client", e.toString());
        }
        return client;
    }

    /** Closes the CRT client if one was built; later downloads use the engine's client. Idempotent. */
    @Override
    public void close() {
        ReactiveS3Client own;
        synchronized (lock) {
            closed = true;
            own = ranged != null && ranged != base ? ranged : null;
            ranged = base;
        }
        if (own != null) {
            own.close();
        }
    }
}
