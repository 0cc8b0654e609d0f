package io.reactives3.testkit.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
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

    /**
     * What to do to the payload bytes; {@code -1} disables an alteration ({@code 0} for {@code bytesPerSecond}).
     *
     * @param corruptOffset  payload offset of the byte whose bits are flipped
     * @param truncateAfter  payload bytes passed before the copy stops
     * @param bytesPerSecond the most payload bytes passed per second; the copying thread sleeps to keep to it
     */
    record Alteration(long corruptOffset, long truncateAfter, long bytesPerSecond) {

        /** Pass every byte unchanged. */
        static final Alteration NONE = new Alteration(-1, -1, 0);

        Alteration(long corruptOffset, long truncateAfter) {
            this(corruptOffset, truncateAfter, 0);
        }

        static Alteration corrupt(long offset) {
            return new Alteration(offset, -1, 0);
        }

        static Alteration truncate(long after) {
            return new Alteration(-1, after, 0);
        }

        static Alteration throttle(long bytesPerSecond) {
            return new Alteration(-1, -1, bytesPerSecond);
        }
    }

    /** Throttled copies move at most this many bytes at a time (about 20 steps per second). */
    private static final int THROTTLE_STEPS_PER_SECOND = 20;

    private static final int MAX_FRAMING_LINE = 64 * 1024;

    private final HttpInput in;
    private final OutputStream out;
    private final byte[] buffer;
    private final LongConsumer wireBytes;
    private final Alteration alteration;
    private long payloadOffset;
    private long throttleStartNanos = -1;

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
            if (alteration.bytesPerSecond() > 0) {
                wanted = (int) Math.min(wanted, Math.max(1, alteration.bytesPerSecond() / THROTTLE_STEPS_PER_SECOND));
            }
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
            throttle();
        }
        return true;
    }

    /** With a bandwidth limit: flushes, then sleeps until the bytes passed so far are within the limit. */
    private void throttle() throws IOException {
        long rate = alteration.bytesPerSecond();
        if (rate <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (throttleStartNanos < 0) {
            throttleStartNanos = now;
        }
        out.flush();
        long dueNanos = throttleStartNanos + (long) (payloadOffset * 1_000_000_000.0 / rate);
        long sleepNanos = dueNanos - now;
        if (sleepNanos > 0) {
            try {
                Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while throttling a body");
            }
        }
    }

    private void corruptIfInRange(int count) {
        long offset = alteration.corruptOffset();
        if (offset >= payloadOffset && offset < payloadOffset + count) {
            int index = (int) (offset - payloadOffset);
            buffer[index] = (byte) ~buffer[index];
        }
    }
}
