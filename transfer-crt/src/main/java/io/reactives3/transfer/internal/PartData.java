package io.reactives3.transfer.internal;

import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.MemoryBudget;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * One part's bytes in memory (as one or more buffers, filled in order), with the digests the integrity mode asks for
 * (computed once; a retry re-sends the same bytes without re-reading or re-digesting them) and the memory
 * reservation that pays for them.
 *
 * <p>{@link #release()} gives the reservation back and drops the buffers: a request body made by {@link #body()}
 * that stays reachable afterwards (an HTTP client may keep the last request of a pooled connection) holds no bytes.
 */
final class PartData {

    private final int partNumber;
    private final long length;
    private final byte[] md5;
    private final String crc32;
    private final MemoryBudget.Reservation reservation;
    private volatile List<ByteBuffer> buffers;

    private PartData(int partNumber, List<ByteBuffer> buffers, long length, byte[] md5, String crc32,
                     MemoryBudget.Reservation reservation) {
        this.partNumber = partNumber;
        this.buffers = buffers;
        this.length = length;
        this.md5 = md5;
        this.crc32 = crc32;
        this.reservation = reservation;
    }

    /**
     * Digests {@code buffers} (each from its position to its limit, in order) as {@code mode} asks; the part owns
     * them and {@code reservation} (may be {@code null}) from now on.
     */
    static PartData of(int partNumber, List<ByteBuffer> buffers, IntegrityMode mode,
                       MemoryBudget.Reservation reservation) {
        MessageDigest md5 = mode == IntegrityMode.MD5 ? Checksums.md5() : null;
        CRC32 crc = mode == IntegrityMode.CRC32 ? new CRC32() : null;
        long length = 0;
        for (ByteBuffer buffer : buffers) {
            length += buffer.remaining();
            if (md5 != null) {
                md5.update(buffer.duplicate());
            }
            if (crc != null) {
                crc.update(buffer.duplicate());
            }
        }
        return new PartData(partNumber, List.copyOf(buffers), length, md5 == null ? null : md5.digest(),
                crc == null ? null : Checksums.crc32Base64(crc.getValue()), reservation);
    }

    int partNumber() {
        return partNumber;
    }

    long length() {
        return length;
    }

    /** Binary MD5 in {@link IntegrityMode#MD5}, else {@code null}. */
    byte[] md5() {
        return md5;
    }

    /** Base64 CRC32 in {@link IntegrityMode#CRC32}, else {@code null}. */
    String crc32() {
        return crc32;
    }

    /** The {@code Content-MD5} header value, or {@code null}. */
    String contentMd5() {
        return md5 == null ? null : Checksums.base64(md5);
    }

    /** A request body over the buffers (views, not copies); each subscription sends them from the start. */
    AsyncRequestBody body() {
        return new Body(this);
    }

    /** Gives the memory back and drops the buffers; later calls do nothing. */
    void release() {
        buffers = null;
        if (reservation != null) {
            reservation.release();
        }
    }

    /** Digests of a body sent from elsewhere (a file): binary MD5 and base64 CRC32, each {@code null} when not asked. */
    record Digest(byte[] md5, String crc32) {
    }

    @Override
    public String toString() {
        return "PartData[" + partNumber + ", " + length + " bytes]";
    }

    /** Reads the part's buffers at subscription, so that a released part leaves nothing reachable from a body. */
    private static final class Body implements AsyncRequestBody {
        private volatile PartData part;

        Body(PartData part) {
            this.part = part;
        }

        @Override
        public Optional<Long> contentLength() {
            PartData p = part;
            return p == null ? Optional.empty() : Optional.of(p.length);
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            PartData p = part;
            List<ByteBuffer> buffers = p == null ? null : p.buffers;
            if (buffers == null) {
                part = null;
                Flux.<ByteBuffer>error(new IllegalStateException("the part's buffers were released")).subscribe(
                        subscriber);
                return;
            }
            Flux.fromIterable(buffers).map(ByteBuffer::duplicate)
                    .doFinally(s -> {
                        if (p.buffers == null) {
                            part = null;
                        }
                    })
                    .subscribe(subscriber);
        }
    }
}
