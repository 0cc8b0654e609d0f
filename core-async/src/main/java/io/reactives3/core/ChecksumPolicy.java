package io.reactives3.core;

/**
 * When the client computes request checksums and validates response checksums.
 */
public enum ChecksumPolicy {
    /**
     * The AWS SDK default (SDK >= 2.30): a CRC32 flexible checksum on every upload (trailing, aws-chunked), response
     * checksums validated when present. Right for AWS S3 and recent compatible stores.
     */
    WHEN_SUPPORTED,
    /**
     * Checksums only where the operation requires one (e.g. DeleteObjects), nothing trailing: the compatibility
     * switch for stores that reject flexible checksums (Ceph RGW 16.2 answers 400 {@code XAmzContentSHA256Mismatch}).
     */
    WHEN_REQUIRED
}
