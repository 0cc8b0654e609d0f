package io.reactives3.transfer.internal;

import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.TransferSettings;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How an object is read in ranges and what its bytes are checked against.
 *
 * <p>What is checked ({@link #check}, with {@link #hash} giving the expected value {@link #expected}):
 * <ul>
 *   <li>a CRC the store keeps (modes {@code AUTO} and {@code CRC32}, read with {@code x-amz-checksum-mode}: S3,
 *       S3Proxy, MinIO keep the CRC32 or CRC32C an upload sent, and S3 a CRC-64/NVME of every new object since
 *       2025). A full-object CRC ({@link Check#WHOLE}): the CRCs of
 *       the ranges, read side by side, combine into the whole content's, whatever its upload layout. A composite
 *       one ({@code crc(part crcs)-N}, {@link Check#PARTS}): the CRC of each part, in a candidate layout as below.
 *       A CRC costs a fraction of MD5's CPU time (intrinsic in every JIT tier), so {@code AUTO} prefers it.</li>
 *   <li>Otherwise the ETag (modes {@code AUTO} and {@code MD5}): a plain MD5 ({@link Check#WHOLE}: a single-request
 *       upload, or a store such as LocalS3 that gives multipart objects a whole-object MD5) must be the whole
 *       content's; a multipart ETag {@code md5(part md5s)-N} ({@link Check#PARTS}) the parts'.</li>
 *   <li>{@link Check#NONE}: mode {@code NONE}, no usable ETag or CRC (none, SSE-KMS / SSE-C ETags, which are not
 *       MD5s), or a composite whose part count no candidate layout gives: lengths and ETag consistency only.</li>
 * </ul>
 * A composite's part layout is not known: no store here tells it (HEAD with {@code partNumber}: S3Proxy answers
 * 501, LocalS3 and Ceph RGW 16.2 ignore it; {@code GetObjectAttributes}: none of them), and parts need not be the
 * engine's size (the Go and JavaScript SDKs upload 5 MiB parts, the AWS CLI 8 MiB). So the layouts of the engine's
 * part size and of {@link #COMMON_PART_SIZES} that give N parts for this size are candidates ({@link #layouts()});
 * the content matches when one of them gives the expected value. File ranges are aligned on the first candidate's
 * parts. What a mismatch means is decided by the readers ({@link RangedDownloader}): with a certain layout
 * ({@link #layoutCertain()}) it is a corrupted read; with candidates only it may be a layout none of them guessed.
 *
 * @param head        the object's head (size, ETag, stored checksums) every range is checked against
 * @param ranges      the ranges to read
 * @param check       what the content is checked against
 * @param hash        the digest the check uses (MD5 for ETags)
 * @param expected    what the digests must give: the unquoted ETag, or the stored checksum; empty for NONE
 * @param segmentSize for PARTS the first candidate part size; for WHOLE the size of the pieces digested (the object
 *                    size, or a file download's range size for a CRC, whose pieces combine)
 * @param otherSizes  for PARTS the other candidate part sizes (each giving the part count), else empty
 */
record ReadPlan(ObjectHead head, PartPlan ranges, Check check, ContentHash hash, String expected, long segmentSize,
                List<Long> otherSizes) {

    /**
     * Part sizes other tools upload with, tried after the engine's own: 8 MiB (AWS CLI, boto3, the Java and CRT
     * transfer managers), 5 MiB (the Go and JavaScript SDKs' upload managers, rclone), 16 MiB (MinIO's clients),
     * 15 MiB (s3cmd). Each grows, as those tools grow it, so that the object needs at most 10,000 parts.
     */
    static final List<Long> COMMON_PART_SIZES = List.of(8 * TransferSettings.MIB, 5 * TransferSettings.MIB,
            16 * TransferSettings.MIB, 15 * TransferSettings.MIB);

    /** What the content is checked against. */
    enum Check { NONE, WHOLE, PARTS }

    ReadPlan {
        otherSizes = List.copyOf(otherSizes);
    }

    long size() {
        return sizeOf(head);
    }

    /**
     * The object's size from its head; an {@link S3TransportException} when the store sent no {@code Content-Length}
     * (a transfer cannot plan its parts without it).
     */
    static long sizeOf(ObjectHead head) {
        Long length = head.contentLength();
        if (length == null) {
            throw new S3TransportException("s3://" + head.bucket() + "/" + head.key() + ": the store sent no "
                    + "Content-Length for the object, so its parts cannot be planned", null);
        }
        return length;
    }

    String eTag() {
        return head.eTag();
    }

    /** What {@link #expected} is, for messages: "ETag", "x-amz-checksum-crc32", ... */
    String expectedName() {
        return hash == ContentHash.MD5 ? "ETag" : "x-amz-checksum-" + hash.name().toLowerCase(Locale.ROOT);
    }

    /** The candidate segment sizes, the first one first: one for WHOLE, none for NONE. */
    List<Long> layouts() {
        if (check == Check.NONE) {
            return List.of();
        }
        List<Long> all = new ArrayList<>();
        all.add(segmentSize);
        all.addAll(otherSizes);
        return all;
    }

    /**
     * Whether the content's digests can give the expected value one way only, so that a mismatch is a corrupted
     * read: a whole-content MD5 or CRC, or a composite of one part.
     */
    boolean layoutCertain() {
        return check == Check.WHOLE || (check == Check.PARTS && partCount(expected) == 1);
    }

    /** A plan for a download to a file: one range below the threshold, else parts (aligned when checkable). */
    static ReadPlan forFile(ObjectHead head, TransferSettings settings) {
        long size = sizeOf(head);
        ReadPlan checked = checked(head, settings);
        PartPlan ranges;
        long segmentSize = checked.segmentSize();
        if (!PartPlan.multipart(size, settings.multipartThreshold())) {
            ranges = PartPlan.exact(size, Math.max(1, size));
            if (checked.check() == Check.WHOLE) {
                segmentSize = Math.max(1, size);
            }
        } else if (checked.check() == Check.PARTS) {
            ranges = PartPlan.exact(size, checked.segmentSize());
        } else {
            ranges = PartPlan.of(size, settings.partSize());
            if (checked.check() == Check.WHOLE && checked.hash() != ContentHash.MD5) {
                segmentSize = ranges.partSize();
            }
        }
        return new ReadPlan(head, ranges, checked.check(), checked.hash(), checked.expected(), segmentSize,
                checked.otherSizes());
    }

    /**
     * A plan for a stream: ranges of {@code rangeSize} (each is buffered whole until the subscriber takes it); the
     * content is digested in order as it is emitted, so ranges need not align with the upload's parts.
     */
    static ReadPlan forStream(ObjectHead head, TransferSettings settings, long rangeSize) {
        long size = sizeOf(head);
        ReadPlan checked = checked(head, settings);
        return new ReadPlan(head, PartPlan.exact(size, Math.max(1, Math.min(rangeSize, size))), checked.check(),
                checked.hash(), checked.expected(), checked.segmentSize(), checked.otherSizes());
    }

    /** The check for {@code head}, read as one range (a file download then cuts the ranges). */
    private static ReadPlan checked(ObjectHead head, TransferSettings settings) {
        long size = sizeOf(head);
        PartPlan whole = PartPlan.exact(size, Math.max(1, size));
        IntegrityMode mode = settings.integrity();
        if (mode == IntegrityMode.AUTO || mode == IntegrityMode.CRC32) {
            ReadPlan crc = storedCrc(head, whole, settings);
            if (crc != null) {
                return crc;
            }
        }
        boolean md5 = mode == IntegrityMode.MD5 || mode == IntegrityMode.AUTO;
        if (md5 && head.eTag() != null && head.eTagMayBeDigest()) {
            String eTag = Checksums.unquote(head.eTag());
            int parts = Checksums.multipartPartCount(eTag);
            if (parts > 0) {
                List<Long> sizes = candidatePartSizes(size, parts, settings.partSize());
                if (!sizes.isEmpty()) {
                    return new ReadPlan(head, whole, Check.PARTS, ContentHash.MD5, eTag, sizes.get(0),
                            sizes.subList(1, sizes.size()));
                }
            } else if (Checksums.isMd5ETag(eTag)) {
                return new ReadPlan(head, whole, Check.WHOLE, ContentHash.MD5, eTag, Math.max(1, size), List.of());
            }
        }
        return new ReadPlan(head, whole, Check.NONE, ContentHash.MD5, "", Math.max(1, size), List.of());
    }

    /**
     * The check against the CRC the store keeps (CRC32, CRC32C or CRC-64/NVME), or {@code null} when it gave none
     * usable here.
     */
    private static @Nullable ReadPlan storedCrc(ObjectHead head, PartPlan whole, TransferSettings settings) {
        ContentHash hash = head.checksumCrc32() != null ? ContentHash.CRC32
                : head.checksumCrc32c() != null ? ContentHash.CRC32C
                : head.checksumCrc64nvme() != null ? ContentHash.CRC64NVME : null;
        if (hash == null || !hash.available()) {
            return null;
        }
        String value = switch (hash) {
            case CRC32 -> head.checksumCrc32();
            case CRC32C -> head.checksumCrc32c();
            default -> head.checksumCrc64nvme();
        };
        int dash = value.indexOf('-');
        if (!isDigest(dash < 0 ? value : value.substring(0, dash), hash)) {
            return null;
        }
        long size = whole.objectSize();
        if (dash < 0) {
            return new ReadPlan(head, whole, Check.WHOLE, hash, value, Math.max(1, size), List.of());
        }
        int parts = partCount(value);
        List<Long> sizes = parts > 0 ? candidatePartSizes(size, parts, settings.partSize()) : List.of();
        if (sizes.isEmpty()) {
            return null;
        }
        return new ReadPlan(head, whole, Check.PARTS, hash, value, sizes.get(0), sizes.subList(1, sizes.size()));
    }

    /** Whether {@code base64} encodes a digest of {@code hash}'s length. */
    private static boolean isDigest(String base64, ContentHash hash) {
        try {
            return Base64.getDecoder().decode(base64).length == hash.length();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The N of a composite value ({@code ...-N}), or -1. */
    private static int partCount(String value) {
        int dash = value.lastIndexOf('-');
        return dash < 0 ? -1 : Checksums.partCountAfter(value, dash);
    }

    /**
     * The distinct part sizes, of the engine's and of {@link #COMMON_PART_SIZES} (grown to stay within 10,000 parts),
     * that cut {@code size} bytes into exactly {@code parts} parts; for one part, just the object size.
     */
    static List<Long> candidatePartSizes(long size, int parts, long enginePartSize) {
        Set<Long> sizes = new LinkedHashSet<>();
        List<Long> preferred = new ArrayList<>();
        preferred.add(enginePartSize);
        preferred.addAll(COMMON_PART_SIZES);
        for (long preferredSize : preferred) {
            PartPlan layout = PartPlan.of(size, preferredSize);
            if (layout.partCount() == parts) {
                sizes.add(parts == 1 ? size : layout.partSize());
            }
        }
        return List.copyOf(sizes);
    }

    /**
     * Whether a range's reader should digest segments as bytes arrive (else: nothing, or a pass over the file): all
     * but a whole-object MD5 read in several ranges, whose pieces do not combine.
     */
    boolean digestsWhileReading() {
        return check == Check.PARTS || (check == Check.WHOLE && (hash != ContentHash.MD5 || ranges.partCount() <= 1));
    }

    /**
     * The value {@code digests} give, in {@link #expected}'s form: {@code md5(part md5s)-N} or the hex MD5 for
     * ETags; the base64 CRC of the part CRCs and {@code -N}, or the combined base64 CRC, for stored checksums.
     */
    String digestOf(List<byte[]> digests) {
        if (hash == ContentHash.MD5) {
            if (check == Check.PARTS) {
                return Checksums.multipartETag(digests);
            }
            // an empty object is read with no range at all: its digest is the MD5 of nothing
            return Checksums.hex(digests.isEmpty() ? Checksums.md5().digest() : digests.get(0));
        }
        if (check == Check.PARTS) {
            ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
            digests.forEach(concatenated::writeBytes);
            return ContentHash.base64(hash.of(concatenated.toByteArray())) + "-" + digests.size();
        }
        return ContentHash.base64(hash.combine(digests, segmentSize, size()));
    }

    /** Whether the digests give {@link #expected}. */
    boolean matches(List<byte[]> digests) {
        String given = digestOf(digests);
        return hash == ContentHash.MD5 ? given.equalsIgnoreCase(expected) : given.equals(expected);
    }
}
