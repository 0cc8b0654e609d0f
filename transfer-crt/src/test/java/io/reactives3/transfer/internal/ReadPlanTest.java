package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.model.ObjectHead;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.TransferSettings;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * What a download checks: the part layouts it tries for a multipart ETag or composite checksum (the engine's part size
 * first, then the common tools' part sizes, only those that give the part count for the object's size, each once);
 * a stored CRC before the ETag under AUTO and CRC32, never under MD5; and the values digests give, against values
 * computed here with the JDK's CRC32 the way S3 documents them.
 */
class ReadPlanTest {

    private static final long MIB = TransferSettings.MIB;

    @Test
    void candidatePartSizes_keepOnlySizesGivingThePartCount_engineSizeFirst() {
        // 9 MiB in 2 parts: 8 + 1 (the engine's and the AWS CLI's) or 5 + 4 (the Go and JS SDKs'); 15, 16 MiB give 1
        assertThat(ReadPlan.candidatePartSizes(9 * MIB, 2, 8 * MIB)).containsExactly(8 * MIB, 5 * MIB);
        assertThat(ReadPlan.candidatePartSizes(9 * MIB, 2, 6 * MIB)).containsExactly(6 * MIB, 8 * MIB, 5 * MIB);
        // 7 MiB in 2 parts: only 5 MiB gives 2
        assertThat(ReadPlan.candidatePartSizes(7 * MIB, 2, 8 * MIB)).containsExactly(5 * MIB);
        // 100 MiB in 7 parts: 15 and 16 MiB both give 7 parts, in different layouts
        assertThat(ReadPlan.candidatePartSizes(100 * MIB, 7, 8 * MIB)).containsExactly(16 * MIB, 15 * MIB);
        // no size gives 3 parts of 1 MiB
        assertThat(ReadPlan.candidatePartSizes(MIB, 3, 8 * MIB)).isEmpty();
    }

    @Test
    void candidatePartSizes_onePart_isTheObjectSizeOnce_andGrownSizesCount() {
        assertThat(ReadPlan.candidatePartSizes(3 * MIB, 1, 8 * MIB)).containsExactly(3 * MIB);
        // 100 GiB at 5 MiB would need 20,480 parts: grown to 11 MiB, 9,310 parts (8 MiB grows the same way)
        long size = 100L * 1024 * MIB;
        assertThat(ReadPlan.candidatePartSizes(size, 9_310, 5 * MIB)).containsExactly(11 * MIB);
    }

    private static final TransferSettings AUTO = TransferSettings.defaults().withPartSize(8 * MIB)
            .withMultipartThreshold(8 * MIB);
    private static final String MD5_ETAG = "0123456789abcdef0123456789abcdef";

    @Test
    void storedCompositeCrc32_isCheckedPerPart_beforeTheETag_underAutoAndCrc32() {
        ObjectHead head = head(20 * MIB).eTag(MD5_ETAG + "-3").checksumCrc32("LOIE8A==-3")
                .checksumType("COMPOSITE").build();
        for (IntegrityMode mode : List.of(IntegrityMode.AUTO, IntegrityMode.CRC32)) {
            ReadPlan plan = ReadPlan.forFile(head, AUTO.withIntegrity(mode));
            assertThat(plan.check()).isEqualTo(ReadPlan.Check.PARTS);
            assertThat(plan.hash()).isEqualTo(ContentHash.CRC32);
            assertThat(plan.expected()).isEqualTo("LOIE8A==-3");
            assertThat(plan.layouts()).containsExactly(8 * MIB);
            assertThat(plan.ranges().partSize()).isEqualTo(8 * MIB);
            assertThat(plan.digestsWhileReading()).isTrue();
        }
        ReadPlan md5 = ReadPlan.forFile(head, AUTO.withIntegrity(IntegrityMode.MD5));
        assertThat(md5.hash()).isEqualTo(ContentHash.MD5);
        assertThat(md5.expected()).isEqualTo(MD5_ETAG + "-3");
        assertThat(ReadPlan.forFile(head, AUTO.withIntegrity(IntegrityMode.NONE)).check())
                .isEqualTo(ReadPlan.Check.NONE);
    }

    @Test
    void storedFullObjectCrc_isCheckedFromTheRangesCrcs_combined() {
        byte[] content = new byte[(int) (20 * MIB + 5)];
        new Random(3).nextBytes(content);
        CRC32 whole = new CRC32();
        whole.update(content);
        ObjectHead head = head(content.length).eTag(MD5_ETAG).checksumCrc32c(null)
                .checksumCrc32(base64(whole.getValue())).build();
        ReadPlan plan = ReadPlan.forFile(head, AUTO);
        assertThat(plan.check()).isEqualTo(ReadPlan.Check.WHOLE);
        assertThat(plan.layoutCertain()).isTrue();
        assertThat(plan.digestsWhileReading()).isTrue();
        assertThat(plan.ranges().partCount()).isEqualTo(3);
        assertThat(plan.segmentSize()).isEqualTo(plan.ranges().partSize());
        List<byte[]> ranges = crcsOf(content, (int) plan.segmentSize());
        assertThat(plan.matches(ranges)).isTrue();
        content[12345] ^= 1;
        assertThat(plan.matches(crcsOf(content, (int) plan.segmentSize()))).isFalse();
        // a stream digests in order, in one piece
        ReadPlan stream = ReadPlan.forStream(head, AUTO, 2 * MIB);
        assertThat(stream.check()).isEqualTo(ReadPlan.Check.WHOLE);
        assertThat(stream.layouts()).containsExactly((long) content.length);
    }

    @Test
    void storedCrc64nvme_theChecksumS3GivesEveryNewObject_isCheckedFromTheRangesCrcs_combined() {
        byte[] content = new byte[(int) (17 * MIB + 3)];
        new Random(4).nextBytes(content);
        ContentHash crc64 = ContentHash.CRC64NVME;
        ObjectHead head = head(content.length).eTag(MD5_ETAG + "-3")
                .checksumCrc64nvme(ContentHash.base64(crc64.of(content))).checksumType("FULL_OBJECT").build();
        ReadPlan plan = ReadPlan.forFile(head, AUTO);
        assertThat(plan.check()).isEqualTo(ReadPlan.Check.WHOLE);
        assertThat(plan.hash()).isEqualTo(crc64);
        List<byte[]> ranges = new ArrayList<>();
        for (int offset = 0; offset < content.length; offset += (int) plan.segmentSize()) {
            ranges.add(crc64.of(java.util.Arrays.copyOfRange(content, offset,
                    (int) Math.min(content.length, offset + plan.segmentSize()))));
        }
        assertThat(ranges).hasSize(3);
        assertThat(plan.matches(ranges)).isTrue();
        ranges.set(1, crc64.of(new byte[(int) plan.segmentSize()]));
        assertThat(plan.matches(ranges)).isFalse();
        // a CRC32-sized value is no CRC-64: the ETag is checked instead
        assertThat(ReadPlan.forFile(head(content.length).eTag(MD5_ETAG + "-3").checksumCrc64nvme("LOIE8A==").build(),
                AUTO).hash()).isEqualTo(ContentHash.MD5);
    }

    @Test
    void compositeValue_isTheCrcOfThePartCrcs_withTheirCount() {
        byte[] content = new byte[(int) (17 * MIB)];
        new Random(5).nextBytes(content);
        List<byte[]> parts = crcsOf(content, (int) (8 * MIB));
        ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        parts.forEach(concatenated::writeBytes);
        CRC32 ofParts = new CRC32();
        ofParts.update(concatenated.toByteArray());
        String stored = base64(ofParts.getValue()) + "-3";
        ReadPlan plan = ReadPlan.forFile(head(content.length).checksumCrc32(stored).build(), AUTO);
        assertThat(plan.digestOf(parts)).isEqualTo(stored);
        assertThat(plan.matches(parts)).isTrue();
        assertThat(plan.matches(crcsOf(content, (int) (5 * MIB)).subList(0, 3))).isFalse();
    }

    @Test
    void unusableStoredCrc_fallsBackToTheETag() {
        // not 4 bytes of base64, and a part count no candidate layout gives for the size
        for (String value : List.of("not-base64!", "AAAAAAAA", "LOIE8A==-1000", "LOIE8A==-x")) {
            ReadPlan plan = ReadPlan.forFile(head(20 * MIB).eTag(MD5_ETAG + "-3").checksumCrc32(value).build(), AUTO);
            assertThat(plan.hash()).as(value).isEqualTo(ContentHash.MD5);
            assertThat(plan.check()).as(value).isEqualTo(ReadPlan.Check.PARTS);
        }
        // under CRC32 there is no ETag check to fall back on
        assertThat(ReadPlan.forFile(head(20 * MIB).eTag(MD5_ETAG + "-3").checksumCrc32("AAAAAAAA").build(),
                AUTO.withIntegrity(IntegrityMode.CRC32)).check()).isEqualTo(ReadPlan.Check.NONE);
    }

    private static ObjectHead.Builder head(long size) {
        return ObjectHead.builder("b", "k").contentLength(size);
    }

    private static List<byte[]> crcsOf(byte[] content, int segment) {
        List<byte[]> crcs = new ArrayList<>();
        for (int offset = 0; offset < content.length; offset += segment) {
            CRC32 crc = new CRC32();
            crc.update(content, offset, Math.min(segment, content.length - offset));
            crcs.add(Base64.getDecoder().decode(base64(crc.getValue())));
        }
        return crcs;
    }

    private static String base64(long crc) {
        return Base64.getEncoder().encodeToString(new byte[]{
                (byte) (crc >>> 24), (byte) (crc >>> 16), (byte) (crc >>> 8), (byte) crc});
    }
}
