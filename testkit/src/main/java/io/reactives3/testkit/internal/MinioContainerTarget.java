package io.reactives3.testkit.internal;

import io.reactives3.testkit.Capability;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import io.reactives3.testkit.TargetStartException;
import io.reactives3.testkit.TargetUnavailableException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import software.amazon.awssdk.regions.Region;

/** MinIO in a container via Testcontainers; unavailable (skipped) where no Docker engine runs. */
public final class MinioContainerTarget {

    /** The image tag is pinned so every machine tests the same server. */
    static final String IMAGE = "minio/minio:RELEASE.2025-09-07T16-13-09Z";

    /**
     * What MinIO declares per its documentation; not verified on these machines (no Docker engine): the
     * capability-truth tests check it wherever Docker exists.
     */
    static final Set<Capability> CAPABILITIES = EnumSet.of(
            Capability.SIGV4_AUTH, Capability.VERSIONING, Capability.TAGGING, Capability.BUCKET_POLICY,
            Capability.LIFECYCLE, Capability.PRESIGNED_POST, Capability.FLEXIBLE_CHECKSUMS,
            Capability.CRT_MULTIPART, Capability.PART_NUMBER_GET);

    private MinioContainerTarget() {
    }

    /** Whether a Docker engine answers; the reason when it does not. */
    public static java.util.Optional<String> unavailableReason() {
        try {
            return DockerClientFactory.instance().isDockerAvailable()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of("no Docker engine (Testcontainers found none)");
        } catch (RuntimeException | LinkageError e) {
            return java.util.Optional.of("no Docker engine (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Starts a MinIO container and returns it as a target. */
    public static RunningTarget start(TargetOptions options) {
        unavailableReason().ifPresent(reason -> {
            throw new TargetUnavailableException(StoreKind.MINIO, reason);
        });
        MinIOContainer container = new MinIOContainer(IMAGE);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new TargetStartException("cannot start the MinIO container " + IMAGE + ": " + e.getMessage(), e);
        }
        return new RunningTarget(StoreKind.MINIO, URI.create(container.getS3URL()), Region.US_EAST_1,
                container.getUserName(), container.getPassword(), true, CAPABILITIES, options.recording(),
                options.port(), container::stop);
    }
}
