package io.reactives3.transfer.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import software.amazon.awssdk.crt.checksums.CRC64NVME;

/**
 * The hashes a download checks content with: {@link #MD5} against ETags, the CRCs against the checksums a store keeps
 * ({@code x-amz-checksum-crc32}, {@code -crc32c}, {@code -crc64nvme}). A digest is 16 bytes (MD5) or the CRC as 4 or
 * 8 big-endian bytes, the encoding S3 gives in base64. The CRCs of consecutive pieces combine into the CRC of their
 * concatenation ({@link #combine}), so ranges read side by side check a whole-object CRC, whatever the layout the
 * object was uploaded in.
 */
enum ContentHash {
    MD5(0, 0),
    /** CRC-32 (IEEE), reflected polynomial 0xEDB88320. */
    CRC32(32, 0xEDB88320L),
    /** CRC-32C (Castagnoli), reflected polynomial 0x82F63B78. */
    CRC32C(32, 0x82F63B78L),
    /**
     * CRC-64/NVME, reflected polynomial 0x9A6C9329AC4BC9B5: what S3 computes for every new object since 2025. Computed
     * by the CRT's native code, loaded on first use ({@link #available()}).
     */
    CRC64NVME(64, 0x9A6C9329AC4BC9B5L);

    /** A hash being computed over consecutive bytes. */
    interface Running {
        /** Hashes {@code buffer}'s remaining bytes; moves its position to its limit. */
        void update(ByteBuffer buffer);

        /** The digest of everything hashed; the running hash is spent afterwards. */
        byte[] finish();
    }

    private final int width;
    private final long polynomial;

    ContentHash(int width, long polynomial) {
        this.width = width;
        this.polynomial = polynomial;
    }

    /** Whether this hash can be computed here: CRC64NVME needs the CRT's native library. */
    boolean available() {
        return this != CRC64NVME || Crc64.AVAILABLE;
    }

    /** The length of a digest in bytes. */
    int length() {
        return this == MD5 ? 16 : width / 8;
    }

    /** A fresh running hash. */
    Running start() {
        if (this == MD5) {
            MessageDigest md5 = Checksums.md5();
            return new Running() {
                @Override
                public void update(ByteBuffer buffer) {
                    md5.update(buffer);
                }

                @Override
                public byte[] finish() {
                    return md5.digest();
                }
            };
        }
        Checksum crc = switch (this) {
            case CRC32 -> new CRC32();
            case CRC32C -> new CRC32C();
            default -> new CRC64NVME();
        };
        return new Running() {
            @Override
            public void update(ByteBuffer buffer) {
                crc.update(buffer);
            }

            @Override
            public byte[] finish() {
                return bytes(crc.getValue());
            }
        };
    }

    /** The digest of {@code bytes}. */
    byte[] of(byte[] bytes) {
        Running running = start();
        running.update(ByteBuffer.wrap(bytes));
        return running.finish();
    }

    /**
     * The CRC of {@code total} bytes from the CRCs of its consecutive segments of {@code segmentSize} bytes (the last
     * one shorter when it ends the content); the CRC of nothing when {@code crcs} is empty.
     */
    byte[] combine(List<byte[]> crcs, long segmentSize, long total) {
        if (this == MD5) {
            throw new IllegalStateException("MD5 digests do not combine");
        }
        long crc = 0; // the CRC of nothing, for CRCs whose initial value and final XOR are both all ones
        long offset = 0;
        for (byte[] piece : crcs) {
            long length = Math.min(segmentSize, total - offset);
            crc = multiply(xPower8n(length), crc) ^ value(piece);
            offset += length;
        }
        return bytes(crc);
    }

    /** Base64, as in {@code x-amz-checksum-*} headers. */
    static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    // CRC arithmetic: polynomials over GF(2) modulo the CRC's polynomial, in the reflected bit order the CRCs use
    // (the x^0 coefficient is the top bit). Appending n bytes to content with CRC c gives c * x^(8n) for the
    // content's part, plus the CRC of the appended bytes; the initial and final inversions cancel out in that sum.

    /** {@code a * b} modulo the polynomial. */
    private long multiply(long a, long b) {
        long product = 0;
        for (long bit = 1L << (width - 1); bit != 0; bit >>>= 1) {
            if ((a & bit) != 0) {
                product ^= b;
            }
            b = (b & 1) != 0 ? (b >>> 1) ^ polynomial : b >>> 1;
        }
        return product;
    }

    /** {@code x^(8n)} modulo the polynomial, by repeated squaring. */
    private long xPower8n(long n) {
        long result = 1L << (width - 1); // x^0
        long square = 1L << (width - 2); // x^1
        for (int i = 0; i < 3; i++) {
            square = multiply(square, square); // x^8 after three squarings
        }
        for (long rest = n; rest != 0; rest >>>= 1) {
            if ((rest & 1) != 0) {
                result = multiply(square, result);
            }
            square = multiply(square, square);
        }
        return result;
    }

    private byte[] bytes(long crc) {
        byte[] bytes = new byte[width / 8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (crc >>> (8 * (bytes.length - 1 - i)));
        }
        return bytes;
    }

    private static long value(byte[] crc) {
        long value = 0;
        for (byte b : crc) {
            value = (value << 8) | (b & 0xFFL);
        }
        return value;
    }

    /** Whether the CRT's CRC-64/NVME loads on this platform (its native library). */
    private static final class Crc64 {
        static final boolean AVAILABLE = loads();

        private static boolean loads() {
            try {
                new CRC64NVME().update(new byte[1], 0, 1);
                return true;
            } catch (LinkageError | RuntimeException e) { // no native library for this platform
                return false;
            }
        }
    }
}
