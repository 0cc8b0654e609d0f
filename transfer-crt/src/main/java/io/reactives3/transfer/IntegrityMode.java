package io.reactives3.transfer;

import io.reactives3.core.error.DataIntegrityException;

/**
 * How the engine verifies that the bytes stored or received are the bytes sent. In every mode part lengths are
 * checked, and every ranged GET of a download carries {@code If-Match} with the ETag of the HEAD that started it
 * (and its response's ETag must equal it), so an object replaced mid-download fails instead of mixing bytes.
 *
 * <p>What each store does with the checks (measured on S3Proxy 4.1, LocalS3 2.4, Ceph RGW 16.2):
 * <table>
 *   <caption>Checks per store</caption>
 *   <tr><th>check</th><th>S3Proxy</th><th>LocalS3</th><th>Ceph RGW</th></tr>
 *   <tr><td>{@code Content-MD5} on UploadPart</td><td>verified</td><td>ignored</td><td>verified</td></tr>
 *   <tr><td>{@code Content-MD5} on PutObject</td><td>verified</td><td>verified</td><td>verified</td></tr>
 *   <tr><td>multipart ETag {@code md5(part md5s)-N}</td><td>yes</td><td>no: whole-object MD5</td>
 *       <td>yes (CompleteMultipartUpload answers an empty ETag: read back with HeadObject)</td></tr>
 *   <tr><td>{@code x-amz-checksum-crc32} on parts</td><td>verified and confirmed</td><td>ignored</td>
 *       <td>ignored</td></tr>
 *   <tr><td>{@code If-Match} on GET</td><td>honoured</td><td>ignored (the ETag comparison catches it)</td>
 *       <td>honoured</td></tr>
 * </table>
 */
public enum IntegrityMode {
    /**
     * Default: per store, the check the store itself verifies, at the lowest cost. Uploads use {@link #CRC32} where
     * the client's profile is one whose store verifies flexible checksums ({@code AWS}, {@code MINIO},
     * {@code S3PROXY}) and the client sends them ({@code ChecksumPolicy.WHEN_SUPPORTED}, the default of those
     * profiles); {@link #MD5} elsewhere ({@code CEPH}, {@code GENERIC}, or a client set to
     * {@code ChecksumPolicy.WHEN_REQUIRED}: Ceph RGW 16.2 verifies {@code Content-MD5} but ignores CRC32). Downloads
     * check the CRC the store keeps for the object when it keeps one (S3, S3Proxy, MinIO keep the CRC32 or CRC32C an
     * upload sent, and S3 a CRC-64/NVME of every new object since 2025; asked for with {@code x-amz-checksum-mode},
     * see {@link #CRC32}), else they are verified as in
     * {@link #MD5}. A CRC costs a fraction of MD5's CPU time: a 1 GiB download from S3Proxy of an object with a stored
     * CRC32, warm JVM, medians of 5 in one run: 1.66 s checked against the CRC, 2.98 s with MD5, 1.84 s with no
     * check, rclone 2.10 s ({@code benchmarks/results/2026-12-07-crc-downloads.md}).
     *
     * <p>A CRC32 upload's parts are checked by the store as they arrive (and the value it confirms is compared), and
     * the multipart object's ETag must be the one the parts it acknowledged give; what only an MD5 upload checks is
     * that ETag against digests of the bytes read from the source.
     *
     * <p>Cost of each mode, 256 MiB file upload to S3Proxy, Reactor backend, 8 MiB parts, 8 in flight, warm JVM,
     * 2 shared cores ({@code benchmarks/results/2026-12-07-upload-speed.md}; the SDK's TransferManager took 2.90 s in
     * the same run; client CPU is the JVM's user and system time for the upload, which depends far less on the load):
     * <table>
     *   <caption>Upload time per mode</caption>
     *   <tr><th>mode</th><th>what runs per part</th><th>time, median (min-max) of 3, load 25-32</th>
     *       <th>client CPU, median of 5, load 11-15</th></tr>
     *   <tr><td>MD5</td><td>MD5 of the part (engine), CRC32 of the part in the SDK's aws-chunked encoding
     *       (a flexible-checksum store)</td><td>6.01 s (5.86-6.65)</td><td>0.83 s</td></tr>
     *   <tr><td>CRC32 (AUTO on S3Proxy)</td><td>CRC32 of the part (engine, intrinsic), sent as a header: no
     *       aws-chunked encoding</td><td>4.59 s (2.91-6.25)</td><td>0.37 s</td></tr>
     *   <tr><td>NONE</td><td>nothing from the engine; the SDK still adds its trailing CRC32 on a
     *       flexible-checksum store</td><td>3.14 s (2.32-4.15)</td><td>0.44 s</td></tr>
     * </table>
     */
    AUTO,
    /**
     * Uploads: {@code Content-MD5} on every part and single PutObject (computed while the part is in
     * memory, one pass); after completion the object's ETag must equal {@code md5(part md5s)-N}, or, on a store
     * that gives multipart objects a whole-object MD5 (LocalS3), the file's MD5 (one more read of the file; a
     * stream's bytes are gone: logged once as not checkable); a single PutObject's ETag must equal the body's MD5.
     * A mismatch is a {@link io.reactives3.core.error.DataIntegrityException} (the object is left in place).
     *
     * <p>Downloads: the content must give the object's ETag: the MD5 of the whole content for a plain MD5 ETag, the
     * MD5 of each part for a multipart ETag. No store here tells a multipart object's part layout, so the layouts of
     * the engine's part size and of the part sizes other tools use (8, 5, 16 and 15 MiB) that give the ETag's part
     * count for this size are all tried: a file download digests the first while reading (ranges aligned on its
     * parts) and the others from the downloaded file, a stream digests them all as it goes; an object in any of these
     * layouts (5 MiB + 4 MiB from the Go or JavaScript SDKs included) is read once and verified. A file download that
     * matches none is read once more: a second read that matches wins; a second read identical to the first means the
     * ETag is not a digest of this content in a known layout (parts of other sizes, SSE-KMS/SSE-C on AWS) and the
     * file is kept with {@code contentVerified=false} (logged); two different reads are a
     * {@code DataIntegrityException}. A stream cannot be read twice: a mismatch is a {@code DataIntegrityException}
     * after the last byte when the ETag can be given one way only (a plain MD5, one part), else the stream completes
     * unverified (logged), so that a correct download never fails. Costs MD5 CPU time (see the table on
     * {@link #AUTO}; a stream pays once per candidate layout). The default before {@link #AUTO}.
     */
    MD5,
    /**
     * {@code x-amz-checksum-crc32} on every part and single PutObject (the upload is created with the CRC32
     * algorithm, the part checksums go into CompleteMultipartUpload); the checksum the store confirms must equal it,
     * and a multipart object's ETag must equal {@code md5(part ETags)-N} of the parts the store acknowledged (when
     * they are MD5s and the store gives multipart ETags).
     * Stores that ignore flexible checksums (Ceph RGW 16.2, LocalS3) confirm nothing: logged once as not verified
     * by the store. The CRT backend sends its own CRC32 per part where the profile allows flexible checksums.
     * Cheaper than MD5.
     *
     * <p>Downloads: the HEAD that starts one asks for the object's stored checksums ({@code x-amz-checksum-mode:
     * ENABLED}; asked again without where that is refused, as AWS refuses it for an SSE-KMS object without
     * {@code kms:Decrypt}). A full-object CRC32, CRC32C or CRC-64/NVME is checked against the CRCs of the ranges read,
     * combined;
     * a composite one ({@code crc(part crcs)-N}) against the CRC of each part, in the candidate part layouts of
     * {@link #MD5}. As there, a mismatch in a file download reads the object again (two different reads are a
     * {@link io.reactives3.core.error.DataIntegrityException}), and a stream fails at its end when the layout is
     * certain. Objects without a stored CRC (and stores that keep none: Ceph RGW 16.2, LocalS3): lengths and ETag
     * consistency only.
     */
    CRC32,
    /** Lengths and ETag consistency ({@code If-Match}) only. */
    NONE
}
