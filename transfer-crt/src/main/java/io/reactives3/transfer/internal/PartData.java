package io.reactives3.transfer.internal;

import io.reactives3.transfer.IntegrityMode;
import java.nio.ByteBuffer;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * One part's bytes in memory, with the digests the integrity mode asks for (computed once, in one pass over the
 * bytes already in memory; a retry re-sends the same bytes without re-reading or re-digesting them).
 *
 * @param partNumber 1-based part number
 * @param bytes      the buffer; only {@code [0, length)} is the part
 * @param length     bytes in the part
 * @param md5        binary MD5 in {@link IntegrityMode#MD5}, else {@code null}
 * @param crc32      base64 CRC32 in {@link IntegrityMode#CRC32}, else {@code null}
 */
record PartData(int partNumber, byte[] bytes, int length, byte[] md5, String crc32) {

    /** Digests {@code bytes[0, length)} as {@code mode} asks. */
    static PartData of(int partNumber, byte[] bytes, int length, IntegrityMode mode) {
        byte[] md5 = mode == IntegrityMode.MD5 ? Checksums.md5(bytes, 0, length) : null;
        String crc32 = mode == IntegrityMode.CRC32 ? Checksums.crc32Base64(bytes, 0, length) : null;
        return new PartData(partNumber, bytes, length, md5, crc32);
    }

    /** A request body over the bytes (not copied: nothing writes to a part once it is made). */
    AsyncRequestBody body() {
        return AsyncRequestBody.fromByteBufferUnsafe(ByteBuffer.wrap(bytes, 0, length));
    }

    /** The {@code Content-MD5} header value, or {@code null}. */
    String contentMd5() {
        return md5 == null ? null : Checksums.base64(md5);
    }

    /** Digests of a body sent from elsewhere (a file): binary MD5 and base64 CRC32, each {@code null} when not asked. */
    record Digest(byte[] md5, String crc32) {
    }

    @Override
    public String toString() {
        return "PartData[" + partNumber + ", " + length + " bytes]";
    }
}
