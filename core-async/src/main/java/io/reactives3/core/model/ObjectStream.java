package io.reactives3.core.model;

import java.nio.ByteBuffer;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * An object's metadata and its body as a demand-driven stream: bytes are read from the connection only as the
 * subscriber requests buffers.
 *
 * <p>The body can be subscribed to <b>once</b>; a second subscription fails with {@link IllegalStateException}.
 * Cancelling the body closes the connection's response. Not subscribing leaves the connection busy until the
 * response times out, so always consume or cancel it. Each emitted {@link ByteBuffer} is the subscriber's to keep.
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
