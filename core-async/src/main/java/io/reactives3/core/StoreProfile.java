package io.reactives3.core;

/**
 * What kind of store the client talks to. A profile sets addressing and checksum defaults together and tells the
 * transfer engine which fast paths the store accepts; every setting can still be overridden on the builder.
 *
 * <p>The facts behind each profile were measured with SDK 2.57.8 against the testkit's servers (its
 * capability-truth tests): S3Proxy 4.1 rejects the CRT S3 client's multipart upload and GetObject {@code partNumber}
 * (501); Ceph RGW 16.2 rejects the SDK's default flexible checksums (400 XAmzContentSHA256Mismatch) and ignores
 * {@code partNumber}.
 */
public enum StoreProfile {
    /** Amazon S3: virtual-hosted addressing, SDK default checksums, every fast path. */
    AWS(false, ChecksumPolicy.WHEN_SUPPORTED, true, true),
    /** MinIO: path-style addressing, SDK default checksums, CRT multipart and part-number reads work. */
    MINIO(true, ChecksumPolicy.WHEN_SUPPORTED, true, true),
    /**
     * Ceph RGW: path-style, checksums only when required (RGW 16.2), CRT multipart works with that setting;
     * RGW 16.2 ignores GetObject {@code partNumber} and returns the whole object, so no part-number reads.
     */
    CEPH(true, ChecksumPolicy.WHEN_REQUIRED, true, false),
    /**
     * S3Proxy 4.1: path-style, SDK default checksums (it verifies them), no CRT multipart (quirk 1), no part-number
     * reads (quirk 3).
     */
    S3PROXY(true, ChecksumPolicy.WHEN_SUPPORTED, false, false),
    /** Any other S3-compatible store: the most compatible choices (path-style, checksums only when required, no CRT multipart). */
    GENERIC(true, ChecksumPolicy.WHEN_REQUIRED, false, false);

    private final boolean pathStyle;
    private final ChecksumPolicy checksumMode;
    private final boolean crtMultipartCompatible;
    private final boolean partNumberReads;

    StoreProfile(boolean pathStyle, ChecksumPolicy checksumMode, boolean crtMultipartCompatible,
                 boolean partNumberReads) {
        this.pathStyle = pathStyle;
        this.checksumMode = checksumMode;
        this.crtMultipartCompatible = crtMultipartCompatible;
        this.partNumberReads = partNumberReads;
    }

    /** Whether requests use path-style addressing ({@code https://host/bucket/key}) by default. */
    public boolean pathStyle() {
        return pathStyle;
    }

    /** The default checksum mode. */
    public ChecksumPolicy checksumMode() {
        return checksumMode;
    }

    /** Whether the CRT-based S3 client's multipart upload works against this store. */
    public boolean crtMultipartCompatible() {
        return crtMultipartCompatible;
    }

    /** Whether GetObject with {@code partNumber} works against this store. */
    public boolean partNumberReads() {
        return partNumberReads;
    }
}
