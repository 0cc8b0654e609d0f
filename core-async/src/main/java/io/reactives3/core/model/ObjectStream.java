package io.reactives3.core.model;

import java.nio.ByteBuffer;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * An object's metadata and its body as a demand-driven stream: bytes are read from the connection only as the
 * subscriber requests buffers.
 *
 * <p>The body can be subscribed to <b>once</b>; a second subscription fails with {@link IllegalStateException}.
 * Cancelling the body closes the connection's response. A body not subscribed to within the client's read
 * timeout is closed (its connection goes back to the pool); a later subscriber gets the bytes through a GET pinned
 * to the ETag, or an {@code S3TimeoutException} where that cannot be done. Consume or cancel the body promptly. Each emitted {@link ByteBuffer} is the subscriber's to keep.
 *
 * <p>A body that stops mid-way because the connection was cut may, on the SDK's Netty HTTP client (SDK 2.57.8),
 * neither complete nor fail. The body honours demand, so the library cannot tell a stalled connection from a slow
 * subscriber: apply a timeout that fits your consumer ({@code body.timeout(Duration)}), or use the transfer engine's
 * {@code downloadStream}, which reads ranges at network speed, guards each with an idle timeout and retries it.
 *
 * @param head the response's metadata
 * @param body the body bytes, in order
 */
public record ObjectStream(ObjectHead head, Flux<ByteBuffer> body) {
    public ObjectStream {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(body, "body");
    }
}
