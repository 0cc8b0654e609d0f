package io.reactives3.transfer.internal;

import io.reactives3.core.model.ObjectHead;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.TransferSettings;
import java.util.List;

/**
 * How an object is read in ranges and what its bytes can be checked against (MD5 mode).
 *
 * <ul>
 *   <li>{@link Check#WHOLE_MD5}: the ETag is a plain MD5 (a single-request upload, or a store such as LocalS3 that
 *       gives multipart objects a whole-object MD5): the whole content must have that MD5.</li>
 *   <li>{@link Check#PART_MD5S}: the ETag is {@code md5(part md5s)-N} and the engine's part size reproduces N parts
 *       for this size (true for objects this engine uploaded with the same part size, and for most tools' default
 *       8 MiB parts); ranges are then aligned on those parts and each part's MD5 is computed as it arrives.</li>
 *   <li>{@link Check#NONE}: other modes, or no usable ETag (none, or SSE-KMS / SSE-C, whose ETags are not MD5s):
 *       lengths and ETag consistency only.</li>
 * </ul>
 * No store here tells the part layout of a multipart object (HEAD with {@code partNumber}: S3Proxy answers 501,
 * LocalS3 and Ceph RGW 16.2 ignore it), so the layout is inferred; a wrong guess is detected by the download being
 * repeated (see {@link RangedDownloader}).
 *
 * @param head        the object's head (size, ETag) every range is checked against
 * @param ranges      the ranges to read
 * @param check       what the content is checked against
 * @param segmentSize for PART_MD5S the upload's part size; for WHOLE_MD5 the object size (one segment)
 */
record ReadPlan(ObjectHead head, PartPlan ranges, Check check, long segmentSize) {

    /** What the content is checked against. */
    enum Check { NONE, WHOLE_MD5, PART_MD5S }

    long size() {
        return head.contentLength();
    }

    String eTag() {
        return head.eTag();
    }

    /** A plan for a download to a file: one range below the threshold, else parts (aligned when checkable). */
    static ReadPlan forFile(ObjectHead head, TransferSettings settings) {
        long size = head.contentLength();
        ReadPlan checked = checked(head, settings);
        PartPlan ranges;
        if (!PartPlan.multipart(size, settings.multipartThreshold())) {
            ranges = PartPlan.exact(size, Math.max(1, size));
        } else if (checked.check() == Check.PART_MD5S) {
            ranges = PartPlan.exact(size, checked.segmentSize());
        } else {
            ranges = PartPlan.of(size, settings.partSize());
        }
        return new ReadPlan(head, ranges, checked.check(), checked.segmentSize());
    }

    /**
     * A plan for a stream: ranges of {@code rangeSize} (each is buffered whole until the subscriber takes it); the
     * content is digested in order as it is emitted, so ranges need not align with the upload's parts.
     */
    static ReadPlan forStream(ObjectHead head, TransferSettings settings, long rangeSize) {
        long size = head.contentLength();
        ReadPlan checked = checked(head, settings);
        return new ReadPlan(head, PartPlan.exact(size, Math.max(1, Math.min(rangeSize, size))), checked.check(),
                checked.segmentSize());
    }

    private static ReadPlan checked(ObjectHead head, TransferSettings settings) {
        long size = head.contentLength();
        if (settings.integrity() == IntegrityMode.MD5 && head.eTag() != null && head.eTagMayBeDigest()) {
            int parts = Checksums.multipartPartCount(head.eTag());
            if (parts > 0) {
                PartPlan layout = PartPlan.of(size, settings.partSize());
                if (layout.partCount() == parts) {
                    return new ReadPlan(head, layout, Check.PART_MD5S, layout.partSize());
                }
            } else if (Checksums.isMd5ETag(head.eTag())) {
                return new ReadPlan(head, PartPlan.exact(size, Math.max(1, size)), Check.WHOLE_MD5,
                        Math.max(1, size));
            }
        }
        return new ReadPlan(head, PartPlan.exact(size, Math.max(1, size)), Check.NONE, Math.max(1, size));
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
