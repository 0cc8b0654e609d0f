package io.reactives3.testkit.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.util.function.LongConsumer;

/**
 * Copies one message body from an input to an output, following its {@link BodyFraming}: bytes go through as they
 * were received, chunk framing and trailer fields included.
 *
 * <p>It counts the body's bytes as framed on the wire, and can alter the payload (the body without chunk framing)
 * on the way: flip the bits of one byte, or stop after a number of bytes.
 */
final class BodyCopier {

    /** What to do to the payload bytes; {@code -1} disables an alteration. */
    record Alteration(long corruptOffset, long truncateAfter) {

        /** Pass every byte unchanged. */
        static final Alteration NONE = new Alteration(-1, -1);
    }

    private static final int MAX_FRAMING_LINE = 64 * 1024;

    private final HttpInput in;
    private final OutputStream out;
    private final byte[] buffer;
    private final LongConsumer wireBytes;
    private final Alteration alteration;
    private long payloadOffset;

    /**
     * @param buffer    transfer buffer, reused across bodies by the same thread
     * @param wireBytes told about body bytes as they are read, before they are written
     */
    BodyCopier(HttpInput in, OutputStream out, byte[] buffer, LongConsumer wireBytes, Alteration alteration) {
        this.in = in;
        this.out = out;
        this.buffer = buffer;
        this.wireBytes = wireBytes;
        this.alteration = alteration;
    }

    /**
     * Copies the body.
     *
     * @return {@code true} when the whole body was copied, {@code false} when the alteration cut it short
     * @throws EOFException      when the input ends before a fixed-length or chunked body does
     * @throws ProtocolException when chunk framing is malformed
     */
    boolean copy(BodyFraming framing) throws IOException {
        return switch (framing.kind()) {
            case NONE -> true;
            case FIXED -> copyPayload(framing.length(), false);
            case CHUNKED -> copyChunks();
            case UNTIL_CLOSE -> copyPayload(Long.MAX_VALUE, true);
        };
    }

    private boolean copyChunks() throws IOException {
        while (true) {
            long size = parseChunkSize(copyFramingLine());
            if (size == 0) {
                copyTrailerSection();
                return true;
            }
            if (!copyPayload(size, false)) {
                return false;
            }
            copyFramingLine(); // the CR LF after the chunk data
        }
    }

    private void copyTrailerSection() throws IOException {
        byte[] line;
        do {
            line = copyFramingLine();
        } while (!MessageHead.text(line).isEmpty());
    }

    private byte[] copyFramingLine() throws IOException {
        byte[] line = in.readLine(MAX_FRAMING_LINE);
        if (line == null) {
            throw new EOFException("connection closed inside a chunked body");
        }
        wireBytes.accept(line.length);
        out.write(line);
        return line;
    }

    private static long parseChunkSize(byte[] line) throws ProtocolException {
        String text = MessageHead.text(line);
        int extensions = text.indexOf(';');
        String size = (extensions < 0 ? text : text.substring(0, extensions)).trim();
        try {
            long parsed = Long.parseLong(size, 16);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed chunk size line: " + text);
        }
    }

    private boolean copyPayload(long length, boolean untilClose) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            int wanted = (int) Math.min(remaining, buffer.length);
            if (alteration.truncateAfter() >= 0) {
                long allowed = alteration.truncateAfter() - payloadOffset;
                if (allowed <= 0) {
                    return false;
                }
                wanted = (int) Math.min(wanted, allowed);
            }
            int count = in.read(buffer, 0, wanted);
            if (count < 0) {
                if (untilClose) {
                    return true;
                }
                throw new EOFException("connection closed inside a message body");
            }
            wireBytes.accept(count);
            corruptIfInRange(count);
            out.write(buffer, 0, count);
            payloadOffset += count;
            remaining -= count;
        }
        return true;
    }

    private void corruptIfInRange(int count) {
        long offset = alteration.corruptOffset();
        if (offset >= payloadOffset && offset < payloadOffset + count) {
            int index = (int) (offset - payloadOffset);
            buffer[index] = (byte) ~buffer[index];
        }
    }
}
