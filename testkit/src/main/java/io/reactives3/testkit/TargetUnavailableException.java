package io.reactives3.testkit;

/**
 * A target cannot run on this machine (no Docker engine for MinIO, no Ceph binaries for RGW, no external endpoint
 * configured). Test suites report such targets as skipped with {@link #getMessage()} as the reason.
 */
public final class TargetUnavailableException extends RuntimeException {

    public TargetUnavailableException(StoreKind kind, String reason) {
        super(kind.id() + " is not available here: " + reason);
    }
}
