package io.reactives3.testkit.internal;

import io.reactives3.testkit.Capability;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import io.reactives3.testkit.TargetStartException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.regions.Region;

/** Embedded S3Proxy on a temporary folder, SigV4 checked with fixed test credentials. */
public final class S3ProxyServer {

    /** The credentials S3Proxy accepts; anything else is answered with 403. */
    public static final String ACCESS_KEY = "AKIDREACTIVES3TEST";
    public static final String SECRET_KEY = "reactive-s3/test+secret/KEY0123456789abcdef";

    /** What S3Proxy 4.1 on the filesystem-nio2 store does (measured by the capability-truth tests). */
    static final Set<Capability> CAPABILITIES = EnumSet.of(
            Capability.SIGV4_AUTH, Capability.ACL, Capability.PRESIGNED_POST, Capability.FLEXIBLE_CHECKSUMS);

    private S3ProxyServer() {
    }

    /** Starts S3Proxy and returns it as a target; the temporary folder is deleted when the target closes. */
    public static RunningTarget start(TargetOptions options) {
        int serverPort = options.recording() ? 0 : Ports.freeOrRequested(options.port(), "S3Proxy");
        if (options.recording() && options.port() != 0) {
            Ports.requireFree(options.port(), "the S3Proxy recording proxy");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("reactive-s3-s3proxy-");
        } catch (IOException e) {
            throw new TargetStartException("cannot create a temporary folder for S3Proxy: " + e.getMessage(), e);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                .endpoint(URI.create("http://127.0.0.1:" + serverPort))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState()) || System.nanoTime() > deadline) {
                    throw new TargetStartException("S3Proxy did not start (state " + proxy.getState() + ")");
                }
                Thread.sleep(5);
            }
        } catch (TargetStartException e) {
            stopQuietly(proxy, dir);
            throw e;
        } catch (Exception e) {
            stopQuietly(proxy, dir);
            throw new TargetStartException("cannot start S3Proxy on 127.0.0.1:" + serverPort + ": " + e, e);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        return new RunningTarget(StoreKind.S3PROXY, endpoint, Region.US_EAST_1, ACCESS_KEY, SECRET_KEY, true,
                CAPABILITIES, options.recording(), options.port(), () -> stop(proxy, dir));
    }

    private static void stop(S3Proxy proxy, Path dir) throws Exception {
        try {
            proxy.stop();
        } finally {
            TempFolders.deleteRecursively(dir);
        }
    }

    private static void stopQuietly(S3Proxy proxy, Path dir) {
        try {
            stop(proxy, dir);
        } catch (Exception ignored) {
            // already failing; the original error is the one to report
        }
    }
}
