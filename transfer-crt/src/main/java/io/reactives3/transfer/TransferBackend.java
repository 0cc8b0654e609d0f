package io.reactives3.transfer;

/**
 * Which machinery moves the bytes of file uploads and downloads ({@link S3TransferEngine#uploadFile},
 * {@link S3TransferEngine#downloadFile}, and the files of directory jobs). Streams, copies and deletes always use the
 * Reactor orchestration. The engine logs its choice once, when it is created.
 */
public enum TransferBackend {
    /**
     * Default, chosen by the benchmark. File uploads through the CRT S3 client where the client's
     * {@link io.reactives3.core.StoreProfile} says its multipart uploads work ({@code AWS}, {@code MINIO},
     * {@code CEPH}); file downloads always, and uploads for the other profiles ({@code S3PROXY}, {@code GENERIC}:
     * quirk 1), through the Reactor engine. Logged at INFO, e.g. {@code "S3PROXY profile: CRT multipart is
     * incompatible (quirk 1), using the Reactor engine"}. Measured on Ceph RGW (1 GiB, MD5 checks, 2 cores, three
     * runs): the CRT client uploads 15-22 % faster than the Reactor engine on Netty; the Reactor engine downloads
     * faster in two runs of three (318 vs 196 MiB/s in the last), within the memory budget and with per-part
     * progress. The Reactor engine's ranged GETs (file downloads and {@code downloadStream}) go over the CRT HTTP
     * client, built with the client's settings and SDK customizer, when the client was built on Netty: faster in
     * every benchmark run (+12 % to +63 %); a client wrapping a caller's SDK client is used as it is. Where the
     * CRT's native library cannot load, the Reactor engine over the client's own HTTP client is used, with a WARN.
     */
    AUTO,
    /**
     * The AWS CRT-based S3 client for file uploads and downloads (native multipart uploads and ranged downloads;
     * downloads written by the CRT, uploads read for it by the engine, so that a file changed during the upload fails
     * it before the object is committed, as on {@link #REACTOR}; memory outside the Java heap and the memory budget;
     * upload progress only at completion).
     * Honoured even for a profile known to reject its multipart uploads (the store may be better than its profile),
     * with a WARN.
     */
    CRT,
    /**
     * The engine's own Reactor orchestration of parallel parts and ranged GETs over the client's SDK async client
     * (Netty or the CRT HTTP client, exactly as the client was built): works with every store, honours the memory
     * budget, reports progress per part.
     */
    REACTOR
}
