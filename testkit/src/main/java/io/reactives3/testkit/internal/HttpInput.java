package io.reactives3.testkit.internal;

import java.io.EOFException;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Arrays;

/**
 * A buffered reader of one side of a proxied connection that can read HTTP lines and raw bytes.
 *
 * <p>Before it blocks on the socket it flushes the output the bytes are being forwarded to, so a proxy never sits
 * on forwarded bytes while it waits for more (an {@code Expect: 100-continue} head, a slowly streamed body).
 */
final class HttpInput {

    /** Size of the read buffer, and the most bytes one {@link #read} returns. */
    static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream source;
    private final Flushable beforeBlockingRead;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;

    HttpInput(InputStream source, Flushable beforeBlockingRead) {
        this.source = source;
        this.beforeBlockingRead = beforeBlockingRead;
    }

    /**
     * Reads one line ending with LF.
     *
     * @return the line's bytes including its terminator, or {@code null} when the stream ends before the first byte
     * @throws EOFException      when the stream ends inside the line
     * @throws ProtocolException when the line is longer than {@code maxLength}
     */
    byte[] readLine(int maxLength) throws IOException {
        byte[] line = new byte[128];
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            boolean foundEnd = end < limit;
            int take = (foundEnd ? end + 1 : end) - position;
            if (length + take > maxLength) {
                throw new ProtocolException("line longer than " + maxLength + " bytes");
            }
            if (length + take > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + take));
            }
            System.arraycopy(buffer, position, line, length, take);
            length += take;
            position += take;
            if (foundEnd) {
                return Arrays.copyOf(line, length);
            }
        }
    }

    /**
     * Reads up to {@code length} bytes into {@code target}, blocking only when nothing is buffered.
     *
     * @return how many bytes were read (at least 1 when {@code length > 0}), or {@code -1} at the end of the stream
     */
    int read(byte[] target, int offset, int length) throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        int count = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    /** Discards everything until the end of the stream (or until a read fails, e.g. on a socket timeout). */
    void skipToEnd() throws IOException {
        position = limit;
        while (fill()) {
            position = limit;
        }
    }

    private boolean fill() throws IOException {
        beforeBlockingRead.flush();
        int count = source.read(buffer, 0, buffer.length);
        if (count < 0) {
            return false;
        }
        position = 0;
        limit = count;
        return true;
    }
}
