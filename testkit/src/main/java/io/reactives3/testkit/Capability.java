package io.reactives3.testkit;

/**
 * Something an S3 target can do. A target declares the capabilities it has; tests that need one run only on the
 * targets that declare it and are reported skipped, with the missing capability as the reason, on the others.
 * The capability-truth tests of the testkit check both directions: a declared capability works, an undeclared
 * one fails with the server's {@code NotImplemented} (or an equivalent error).
 */
public enum Capability {
    /** The server checks SigV4 signatures: wrong credentials are answered with 403. */
    SIGV4_AUTH,
    /** Canned ACLs on buckets and objects (put and get). */
    ACL,
    /** Bucket versioning (enable, suspend, status) and ListObjectVersions. */
    VERSIONING,
    /** Bucket and object tagging. */
    TAGGING,
    /** Bucket policy documents (put, get, delete). */
    BUCKET_POLICY,
    /** Bucket lifecycle configuration (put, get, delete). */
    LIFECYCLE,
    /** Bucket CORS configuration (put, get, delete). */
    CORS,
    /** Browser-style presigned POST uploads with the policy enforced by the server. */
    PRESIGNED_POST,
    /** The SDK's default flexible checksums (trailing CRC32, aws-chunked) are accepted on uploads (quirk 4). */
    FLEXIBLE_CHECKSUMS,
    /** The CRT-based S3 client's multipart upload works against the server (quirk 1). */
    CRT_MULTIPART,
    /** GetObject with {@code partNumber} works (quirk 3). */
    PART_NUMBER_GET,
    /** Traffic goes through the testkit's recording proxy: {@link S3Target#requestLog()} sees every request. */
    REQUEST_LOG,
    /** The recording proxy can inject faults ({@link S3Target#faults()}). */
    FAULT_INJECTION
}
