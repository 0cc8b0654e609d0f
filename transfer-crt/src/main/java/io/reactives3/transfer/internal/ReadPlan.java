package io.reactives3.transfer.internal;

import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.TransferSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How an object is read in ranges and what its bytes can be checked against (MD5 mode).
 *
 * <ul>
 *   <li>{@link Check#WHOLE_MD5}: the ETag is a plain MD5 (a single-request upload, or a store such as LocalS3 that
 *       gives multipart objects a whole-object MD5): the whole content must have that MD5.</li>
 *   <li>{@link Check#PART_MD5S}: the ETag is {@code md5(part md5s)-N}. Its part layout is not known: no store here
 *       tells it (HEAD with {@code partNumber}: S3Proxy answers 501, LocalS3 and Ceph RGW 16.2 ignore it;
 *       {@code GetObjectAttributes}: none of them), and parts need not be the engine's size (the Go and JavaScript
 *       SDKs upload 5 MiB parts, the AWS CLI 8 MiB). So the layouts of the engine's part size and of
 *       {@link #COMMON_PART_SIZES} that give N parts for this size are candidates ({@link #layouts()}); the content
 *       matches when one of them gives the ETag. File ranges are aligned on the first candidate's parts.</li>
 *   <li>{@link Check#NONE}: other modes, no usable ETag (none, or SSE-KMS / SSE-C, whose ETags are not MD5s), or a
 *       multipart ETag whose part count no candidate gives: lengths and ETag consistency only.</li>
 * </ul>
 * What a mismatch means is decided by the readers ({@link RangedDownloader}): with a certain layout
 * ({@link #layoutCertain()}) it is a corrupted read; with candidates only it may be a layout none of them guessed.
 *
 * @param head        the object's head (size, ETag) every range is checked against
 * @param ranges      the ranges to read
 * @param check       what the content is checked against
 * @param segmentSize for PART_MD5S the first candidate part size; for WHOLE_MD5 and NONE the object size
 * @param otherSizes  for PART_MD5S the other candidate part sizes (each giving the ETag's part count), else empty
 */
record ReadPlan(ObjectHead head, PartPlan ranges, Check check, long segmentSize, List<Long> otherSizes) {

    /**
     * Part sizes other tools upload with, tried after the engine's own: 8 MiB (AWS CLI, boto3, the Java and CRT
     * transfer managers), 5 MiB (the Go and JavaScript SDKs' upload managers, rclone), 16 MiB (MinIO's clients),
     * 15 MiB (s3cmd). Each grows, as those tools grow it, so that the object needs at most 10,000 parts.
     */
    static final List<Long> COMMON_PART_SIZES = List.of(8 * TransferSettings.MIB, 5 * TransferSettings.MIB,
            16 * TransferSettings.MIB, 15 * TransferSettings.MIB);

    /** What the content is checked against. */
    enum Check { NONE, WHOLE_MD5, PART_MD5S }

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

    /** The candidate segment sizes, the first one first: one for WHOLE_MD5 (the object size), none for NONE. */
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
     * Whether the content's digest can only give the ETag one way, so that a mismatch is a corrupted read: a plain
     * MD5 ETag, or a multipart ETag of one part.
     */
    boolean layoutCertain() {
        return check == Check.WHOLE_MD5 || (check == Check.PART_MD5S && Checksums.multipartPartCount(eTag()) == 1);
    }

    /** A plan for a download to a file: one range below the threshold, else parts (aligned when checkable). */
    static ReadPlan forFile(ObjectHead head, TransferSettings settings) {
        long size = sizeOf(head);
        ReadPlan checked = checked(head, settings);
        PartPlan ranges;
        if (!PartPlan.multipart(size, settings.multipartThreshold())) {
            ranges = PartPlan.exact(size, Math.max(1, size));
        } else if (checked.check() == Check.PART_MD5S) {
            ranges = PartPlan.exact(size, checked.segmentSize());
        } else {
            ranges = PartPlan.of(size, settings.partSize());
        }
        return new ReadPlan(head, ranges, checked.check(), checked.segmentSize(), checked.otherSizes());
    }

    /**
     * A plan for a stream: ranges of {@code rangeSize} (each is buffered whole until the subscriber takes it); the
     * content is digested in order as it is emitted, so ranges need not align with the upload's parts.
     */
    static ReadPlan forStream(ObjectHead head, TransferSettings settings, long rangeSize) {
        long size = sizeOf(head);
        ReadPlan checked = checked(head, settings);
        return new ReadPlan(head, PartPlan.exact(size, Math.max(1, Math.min(rangeSize, size))), checked.check(),
                checked.segmentSize(), checked.otherSizes());
    }

    private static ReadPlan checked(ObjectHead head, TransferSettings settings) {
        long size = sizeOf(head);
        PartPlan whole = PartPlan.exact(size, Math.max(1, size));
        boolean md5 = settings.integrity() == IntegrityMode.MD5 || settings.integrity() == IntegrityMode.AUTO;
        if (md5 && head.eTag() != null && head.eTagMayBeDigest()) {
            int parts = Checksums.multipartPartCount(head.eTag());
            if (parts > 0) {
                List<Long> sizes = candidatePartSizes(size, parts, settings.partSize());
                if (!sizes.isEmpty()) {
                    return new ReadPlan(head, whole, Check.PART_MD5S, sizes.get(0), sizes.subList(1, sizes.size()));
                }
            } else if (Checksums.isMd5ETag(head.eTag())) {
                return new ReadPlan(head, whole, Check.WHOLE_MD5, Math.max(1, size), List.of());
            }
        }
        return new ReadPlan(head, whole, Check.NONE, Math.max(1, size), List.of());
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

    /** Whether a range's reader should digest segments as bytes arrive (else: nothing, or a pass over the file). */
    boolean digestsWhileReading() {
        return check == Check.PART_MD5S || (check == Check.WHOLE_MD5 && ranges.partCount() <= 1);
    }

    /** The ETag value the digests give: {@code md5(part md5s)-N}, or the hex MD5. */
    String eTagOf(List<byte[]> md5s) {
        if (check == Check.PART_MD5S) {
            return Checksums.multipartETag(md5s);
        }
        // an empty object is read with no range at all: its digest is the MD5 of nothing
        return Checksums.hex(md5s.isEmpty() ? Checksums.md5().digest() : md5s.get(0));
    }

    /** Whether the digests give the object's ETag. */
    boolean matches(List<byte[]> md5s) {
        return eTagOf(md5s).equalsIgnoreCase(Checksums.unquote(eTag()));
    }
}
