package io.reactives3.testkit;

import java.util.Objects;

/**
 * How to start a target. Immutable; {@code withX} returns a modified copy.
 *
 * <pre>{@code
 * try (S3Target target = S3Targets.start(TargetOptions.of(StoreKind.S3PROXY).withPort(9000))) { ... }
 * }</pre>
 *
 * @param kind      the server to start or connect to
 * @param port      the loopback port clients connect to: the recording proxy's port when {@code recording} is on,
 *                  otherwise the server's own; {@code 0} (default) picks a free port. Ignored for
 *                  {@link StoreKind#EXTERNAL} and {@link StoreKind#MINIO}.
 * @param recording whether to put the recording proxy in front of a loopback http server (default {@code true});
 *                  without it the target lacks {@link Capability#REQUEST_LOG} and {@link Capability#FAULT_INJECTION}
 */
public record TargetOptions(StoreKind kind, int port, boolean recording) {

    public TargetOptions {
        Objects.requireNonNull(kind, "kind");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535 (0 = any free port), got " + port);
        }
    }

    /** Defaults for {@code kind}: any free port, recording on. */
    public static TargetOptions of(StoreKind kind) {
        return new TargetOptions(kind, 0, true);
    }

    /** A copy with the given client-facing port (0 = any free port). */
    public TargetOptions withPort(int port) {
        return new TargetOptions(kind, port, recording);
    }

    /** A copy with the recording proxy switched on or off. */
    public TargetOptions withRecording(boolean recording) {
        return new TargetOptions(kind, port, recording);
    }
}
