package io.reactives3.transfer.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/** MD5 and CRC32 helpers, and the arithmetic of S3 ETags. */
final class Checksums {

    private Checksums() {
    }

    /** A fresh MD5 digest. */
    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** The MD5 of {@code bytes[offset, offset + length)}. */
    static byte[] md5(byte[] bytes, int offset, int length) {
        MessageDigest md5 = md5();
        md5.update(bytes, offset, length);
        return md5.digest();
    }

    /** The value of a {@code Content-MD5} header. */
    static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    /** Lower-case hex, as in ETags. */
    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** The value of an {@code x-amz-checksum-crc32} header for {@code bytes[offset, offset + length)}. */
    static String crc32Base64(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc32Base64(crc.getValue());
    }

    /** The base64 of a CRC32 value as 4 big-endian bytes. */
    static String crc32Base64(long crc) {
        return Base64.getEncoder().encodeToString(new byte[]{
                (byte) (crc >>> 24), (byte) (crc >>> 16), (byte) (crc >>> 8), (byte) crc});
    }

    /**
     * The ETag S3 (and S3Proxy, Ceph RGW, MinIO) gives a multipart upload: hex MD5 of the concatenated binary part
     * MD5s, then {@code -} and the part count.
     */
    static String multipartETag(List<byte[]> partMd5s) {
        MessageDigest md5 = md5();
        partMd5s.forEach(md5::update);
        return hex(md5.digest()) + "-" + partMd5s.size();
    }

    /** An ETag without surrounding quotes (and without a weak {@code W/} prefix). */
    static String unquote(String eTag) {
        if (eTag == null) {
            return null;
        }
        String t = eTag.startsWith("W/") ? eTag.substring(2) : eTag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** Whether an ETag looks like a plain MD5 (32 hex digits): true for single-request uploads without SSE-KMS/C. */
    static boolean isMd5ETag(String eTag) {
        String t = unquote(eTag);
        return t != null && t.length() == 32 && t.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The part count of a multipart ETag ({@code <32 hex>-N}), or -1 when it is not one. */
    static int multipartPartCount(String eTag) {
        String t = unquote(eTag);
        if (t == null) {
            return -1;
        }
        int dash = t.indexOf('-');
        if (dash != 32 || !isMd5ETag(t.substring(0, 32))) {
            return -1;
        }
        return partCountAfter(t, dash);
    }

    /** The part count {@code N >= 1} written after the dash at {@code dash} ({@code ...-N}), or -1. */
    static int partCountAfter(String value, int dash) {
        try {
            int parts = Integer.parseInt(value.substring(dash + 1));
            return parts >= 1 ? parts : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
