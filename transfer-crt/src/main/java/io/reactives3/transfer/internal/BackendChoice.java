package io.reactives3.transfer.internal;

import io.reactives3.core.StoreProfile;
import io.reactives3.transfer.TransferBackend;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which backend file uploads and file downloads use for a store, and the sentence the engine logs about it. Never
 * silent: the choice is logged once per engine at INFO; a request for the CRT client against a store known to reject
 * its multipart uploads at WARN (the request is honoured: the user may know a store better than its profile).
 *
 * <p>AUTO, by the benchmark ({@code TransferThroughputBenchmark}, 1 GiB, Ceph RGW, MD5 checks, 3 runs): the CRT
 * client uploads 15-22 % faster than the Reactor engine; the Reactor engine downloads faster in two runs of three
 * (318 vs 196 MiB/s in the last) and keeps the memory budget and per-part progress. So uploads go through the CRT
 * client where the profile allows it, downloads through the Reactor engine. The CRT client refuses a native memory
 * limit below {@value #CRT_MIN_MEMORY} bytes (1 GiB); AUTO with a smaller memory budget uses the Reactor engine, which
 * keeps within the budget, and an explicit CRT request is honoured with the CRT's limit at that minimum, logged.
 *
 * @param upload   the backend of file uploads, CRT or REACTOR
 * @param download the backend of file downloads, CRT or REACTOR
 * @param warn     whether the message is a warning
 * @param message  what was chosen and why
 */
record BackendChoice(TransferBackend upload, TransferBackend download, boolean warn, String message) {

    /** The smallest native memory limit the CRT S3 client accepts. */
    static final long CRT_MIN_MEMORY = 1L << 30;

    static BackendChoice resolve(TransferBackend requested, StoreProfile profile, long memoryBudget) {
        BackendChoice choice = resolve(requested, profile);
        if (memoryBudget >= CRT_MIN_MEMORY || !choice.needsCrt()) {
            return choice;
        }
        String budget = "the memory budget (" + memoryBudget + " bytes) is below the CRT S3 client's smallest "
                + "native memory limit (1 GiB)";
        return requested == TransferBackend.AUTO
                ? new BackendChoice(TransferBackend.REACTOR, TransferBackend.REACTOR, false, profile + " profile: "
                + budget + ", so file transfers use the Reactor engine, which keeps within the budget")
                : new BackendChoice(choice.upload, choice.download, true, choice.message + "; " + budget
                + ": the CRT client may hold up to 1 GiB of native memory besides the budget");
    }

    static BackendChoice resolve(TransferBackend requested, StoreProfile profile) {
        return switch (requested) {
            case AUTO -> profile.crtMultipartCompatible()
                    ? new BackendChoice(TransferBackend.CRT, TransferBackend.REACTOR, false, profile + " profile: "
                    + "file uploads through the CRT S3 client, file downloads and streams through the Reactor engine")
                    : new BackendChoice(TransferBackend.REACTOR, TransferBackend.REACTOR, false, profile
                    + " profile: CRT multipart is incompatible (quirk 1), using the Reactor engine");
            case CRT -> profile.crtMultipartCompatible()
                    ? new BackendChoice(TransferBackend.CRT, TransferBackend.CRT, false, profile + " profile: file "
                    + "uploads and downloads through the CRT S3 client, as requested (streams: the Reactor engine)")
                    : new BackendChoice(TransferBackend.CRT, TransferBackend.CRT, true, "the CRT backend was "
                    + "requested for the " + profile + " profile, whose store may reject the CRT client's multipart "
                    + "uploads (quirk 1); honouring the request");
            case REACTOR -> new BackendChoice(TransferBackend.REACTOR, TransferBackend.REACTOR, false, profile
                    + " profile: using the Reactor engine for file transfers, as requested");
        };
    }

    /** The CRT client could not be built here (no native library for this platform): the Reactor engine instead. */
    static BackendChoice crtUnavailable(Throwable reason) {
        return new BackendChoice(TransferBackend.REACTOR, TransferBackend.REACTOR, true, "the CRT S3 client is "
                + "unavailable here (" + reason + "); falling back to the Reactor engine for file transfers");
    }

    /** {@code reactor} or {@code crt} as {@code backend} says ({@code crt} is non-null when {@link #needsCrt()}). */
    static FileBackend pick(TransferBackend backend, FileBackend reactor, @Nullable FileBackend crt) {
        return backend == TransferBackend.CRT ? Objects.requireNonNull(crt, "crt") : reactor;
    }

    /** Whether a CRT client is needed. */
    boolean needsCrt() {
        return upload == TransferBackend.CRT || download == TransferBackend.CRT;
    }
}
