package io.reactives3.testkit.internal;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import io.reactives3.testkit.TargetStartException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.regions.Region;

/** Embedded LocalS3, in memory. It accepts any credentials (no signature checks). */
public final class LocalS3Server {

    /** What LocalS3 2.4 does (measured by the capability-truth tests). */
    static final Set<Capability> CAPABILITIES = EnumSet.of(
            Capability.VERSIONING, Capability.TAGGING, Capability.BUCKET_POLICY,
            Capability.FLEXIBLE_CHECKSUMS, Capability.CRT_MULTIPART);

    private LocalS3Server() {
    }

    /** Starts LocalS3 in memory and returns it as a target. */
    public static RunningTarget start(TargetOptions options) {
        if (options.recording() && options.port() != 0) {
            Ports.requireFree(options.port(), "the LocalS3 recording proxy");
        }
        int port = options.recording() ? Ports.freePort() : Ports.freeOrRequested(options.port(), "LocalS3");
        LocalS3 server = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new TargetStartException("cannot start LocalS3 on 127.0.0.1:" + port + ": " + e, e);
        }
        return new RunningTarget(StoreKind.LOCAL_S3, URI.create("http://127.0.0.1:" + port), Region.US_EAST_1,
                "local-s3-any-key", "local-s3-any-secret", true, CAPABILITIES, options.recording(), options.port(),
                server::shutdown);
    }
}
