package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.crt.checksums.CRC64NVME;

/**
 * The digests a download checks: the standard check values of CRC-32, CRC-32C and CRC-64/NVME, and the CRCs of
 * consecutive pieces combined into the CRC of the whole, against the CRC of the whole content computed in one pass
 * (the JDK's CRC32 and CRC32C, the CRT's CRC-64/NVME).
 */
class ContentHashTest {

    private static final byte[] CHECK_INPUT = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void digests_giveTheStandardCheckValues_bigEndian() {
        assertThat(HexFormat.of().formatHex(ContentHash.CRC32.of(CHECK_INPUT))).isEqualTo("cbf43926");
        assertThat(HexFormat.of().formatHex(ContentHash.CRC32C.of(CHECK_INPUT))).isEqualTo("e3069283");
        assertThat(ContentHash.CRC64NVME.available()).isTrue();
        assertThat(HexFormat.of().formatHex(ContentHash.CRC64NVME.of(CHECK_INPUT))).isEqualTo("ae8b14860a799888");
        assertThat(HexFormat.of().formatHex(ContentHash.MD5.of(CHECK_INPUT)))
                .isEqualTo("25f9e794323b453885f5181f1b624d0b");
        // the base64 S3 gives in x-amz-checksum-crc32 for the same 4 bytes
        assertThat(ContentHash.base64(ContentHash.CRC32.of(CHECK_INPUT))).isEqualTo("y/Q5Jg==");
    }

    @ParameterizedTest
    @EnumSource(names = {"CRC32", "CRC32C", "CRC64NVME"})
    void combine_ofConsecutiveSegments_isTheCrcOfTheWhole(ContentHash hash) {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int total = random.nextInt(200_000);
            int segment = 1 + random.nextInt(Math.max(1, total / (1 + random.nextInt(20))) + 1);
            byte[] content = new byte[total];
            random.nextBytes(content);
            List<byte[]> pieces = new ArrayList<>();
            for (int offset = 0; offset < total; offset += segment) {
                pieces.add(hash.of(Arrays.copyOfRange(content, offset, Math.min(total, offset + segment))));
            }
            assertThat(hash.combine(pieces, segment, total)).as("%d bytes in pieces of %d", total, segment)
                    .isEqualTo(bigEndian(jdk(hash), content));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CRC32", "CRC32C", "CRC64NVME"})
    void combine_ofNothing_isTheCrcOfNothing_andOfOnePiece_isThatPiece(ContentHash hash) {
        assertThat(hash.combine(List.of(), 8, 0)).isEqualTo(bigEndian(jdk(hash), new byte[0]));
        byte[] piece = hash.of(CHECK_INPUT);
        assertThat(hash.combine(List.of(piece), 9, 9)).isEqualTo(piece);
    }

    @Test
    void combine_ofMd5s_isRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContentHash.MD5.combine(List.of(), 1, 0))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The CRC computed in one pass: the JDK's CRC32 and CRC32C, the CRT's CRC-64/NVME. */
    private static Checksum jdk(ContentHash hash) {
        return switch (hash) {
            case CRC32 -> new CRC32();
            case CRC32C -> new CRC32C();
            default -> new CRC64NVME();
        };
    }

    private static byte[] bigEndian(Checksum checksum, byte[] content) {
        checksum.update(content, 0, content.length);
        long v = checksum.getValue();
        int bytes = checksum instanceof CRC64NVME ? 8 : 4;
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) (v >>> (8 * (bytes - 1 - i)));
        }
        return out;
    }
}
