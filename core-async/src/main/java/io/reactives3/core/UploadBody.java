package io.reactives3.core;

import io.reactives3.core.error.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The content of an upload ({@link ReactiveS3Client#putObject(String, String, UploadBody)},
 * {@link ReactiveS3Client#uploadPart}): bytes, a string, a file, or a stream of buffers with or without a known
 * length. Immutable; make one with the static factories.
 *
 * <h2>Retries and re-subscription</h2>
 * <ul>
 *   <li>{@link #ofBytes}, {@link #ofString} and {@link #ofFile} are <b>replayable</b>: the SDK's retries and every
 *       new subscription to the upload send the same bytes again (a file is re-read from the start).</li>
 *   <li>{@link #ofPublisher(Publisher, long)} is streamed: each attempt subscribes to the publisher again. A cold
 *       publisher (e.g. {@code Flux.defer}, a generator) is re-read; a <b>one-shot</b> publisher (a hot source, an
 *       {@code InputStream} already consumed) emits fewer bytes than announced on a retry, so the attempt fails with a
 *       {@link io.reactives3.core.error.DataIntegrityException} and nothing is stored.</li>
 *   <li>{@link #ofPublisher(Publisher)} (unknown length) is collected into memory before the request is sent, at most
 *       {@link #MAX_UNKNOWN_LENGTH} bytes; retries of that request resend the collected bytes, but a new subscription
 *       to the upload subscribes to the publisher again.</li>
 * </ul>
 */
public final class UploadBody {

    /**
     * The largest body of unknown length an upload collects into memory: 16 MiB. A longer stream fails the upload
     * with an {@link io.reactives3.core.error.InvalidInputException} via {@code onError} and nothing is stored; use
     * the transfer engine's streaming upload for large streams of unknown length.
     */
    public static final long MAX_UNKNOWN_LENGTH = 16L * 1024 * 1024;

    private static final String TEXT = "text/plain; charset=";

    private final ByteBuffer bytes;
    private final Path file;
    private final Publisher<ByteBuffer> publisher;
    private final long length;
    private final String contentType;

    private UploadBody(ByteBuffer bytes, Path file, Publisher<ByteBuffer> publisher, long length, String contentType) {
        this.bytes = bytes;
        this.file = file;
        this.publisher = publisher;
        this.length = length;
        this.contentType = contentType;
    }

    /** The bytes of {@code content}, copied now (later changes to the array do not alter what is sent). */
    public static UploadBody ofBytes(byte[] content) {
        Objects.requireNonNull(content, "content must not be null");
        return new UploadBody(ByteBuffer.wrap(content.clone()).asReadOnlyBuffer(), null, null, content.length, null);
    }

    /** {@code content} encoded as UTF-8, with content type {@code text/plain; charset=utf-8}. */
    public static UploadBody ofString(String content) {
        return ofString(content, StandardCharsets.UTF_8);
    }

    /** {@code content} encoded in {@code charset}, with content type {@code text/plain; charset=<name>}. */
    public static UploadBody ofString(String content, Charset charset) {
        Objects.requireNonNull(content, "content must not be null");
        Objects.requireNonNull(charset, "charset must not be null");
        byte[] encoded = content.getBytes(charset);
        return new UploadBody(ByteBuffer.wrap(encoded).asReadOnlyBuffer(), null, null, encoded.length,
                TEXT + charset.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The file at {@code file}: sized when the upload is subscribed (off the subscribing thread) and read
     * asynchronously; the content type is guessed from the file name. A missing or unreadable file fails the upload
     * via {@code onError} with a {@link io.reactives3.core.error.LocalFileException}, before any request.
     */
    public static UploadBody ofFile(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        return new UploadBody(null, file, null, -1, null);
    }

    /**
     * Exactly {@code contentLength} bytes from {@code body}, requested as the connection accepts them (nothing is
     * buffered beyond what the connection takes). A body that emits more or fewer bytes fails the upload with a
     * {@link io.reactives3.core.error.DataIntegrityException} and nothing is stored.
     *
     * @param contentLength the exact length in bytes, 0 or more
     * @throws InvalidInputException if {@code contentLength} is negative
     */
    public static UploadBody ofPublisher(Publisher<ByteBuffer> body, long contentLength) {
        Objects.requireNonNull(body, "body must not be null");
        if (contentLength < 0) {
            throw new InvalidInputException("contentLength must be >= 0, got " + contentLength);
        }
        return new UploadBody(null, null, body, contentLength, null);
    }

    /**
     * A stream of unknown length: collected into memory when the upload is subscribed (at most
     * {@link #MAX_UNKNOWN_LENGTH} bytes), then sent with its length.
     */
    public static UploadBody ofPublisher(Publisher<ByteBuffer> body) {
        Objects.requireNonNull(body, "body must not be null");
        return new UploadBody(null, null, body, -1, null);
    }

    /** The length in bytes when known now; empty for a file (sized on subscribe) and a stream of unknown length. */
    public OptionalLong contentLength() {
        return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
    }

    /** The content type this body implies ({@code text/plain; charset=...} for strings), or empty. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** The file of a body made with {@link #ofFile(Path)}, else empty. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The content as a read-only buffer (a new view each call) for in-memory bodies (bytes, string), else empty. */
    public Optional<ByteBuffer> inMemory() {
        return bytes == null ? Optional.empty() : Optional.of(bytes.duplicate());
    }

    /** Whether every subscription sees the same bytes: true for bytes, strings and files, false for publishers. */
    public boolean replayable() {
        return publisher == null;
    }

    /**
     * The content as buffers: for in-memory bodies one read-only buffer per subscription; for publishers the
     * publisher itself. For a file body use {@link #file()}: this throws {@link IllegalStateException}.
     */
    public Flux<ByteBuffer> content() {
        if (bytes != null) {
            return Flux.defer(() -> Flux.just(bytes.duplicate()));
        }
        if (publisher != null) {
            return Flux.from(publisher);
        }
        throw new IllegalStateException("a file body is read from its file(): " + file);
    }

    @Override
    public String toString() {
        if (file != null) {
            return "UploadBody[file=" + file + "]";
        }
        return "UploadBody[" + (bytes != null ? "memory" : "publisher") + ", length="
                + (length < 0 ? "unknown" : Long.toString(length)) + "]";
    }
}
