package io.reactives3.testkit.internal;

import io.reactives3.testkit.Capability;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import io.reactives3.testkit.TargetStartException;
import io.reactives3.testkit.TargetUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.regions.Region;

/**
 * Ceph RGW as local processes: the bundled {@code ceph-rgw.sh} starts one monitor, one memstore OSD and radosgw on
 * loopback ports, and stops them (and removes their state folder) when the target closes.
 */
public final class CephRgwCluster {

    public static final String ACCESS_KEY = "AKIDREACTIVES3RGW";
    public static final String SECRET_KEY = "reactive-s3-rgw-secret-key-0123456789";

    /**
     * Ceph RGW 16.2 has every capability but the SDK's default flexible checksums (quirk 4) and GetObject
     * {@code partNumber}, which it ignores: it answers 200 with the whole object (measured by the truth tests).
     */
    static final Set<Capability> CAPABILITIES = EnumSet.of(
            Capability.SIGV4_AUTH, Capability.ACL, Capability.VERSIONING, Capability.TAGGING,
            Capability.BUCKET_POLICY, Capability.LIFECYCLE, Capability.CORS, Capability.PRESIGNED_POST,
            Capability.CRT_MULTIPART);

    private static final long START_TIMEOUT_SECONDS = 150;

    private CephRgwCluster() {
    }

    /**
     * Why RGW cannot run here, or empty when its binaries are installed.
     */
    public static java.util.Optional<String> unavailableReason() {
        try {
            Path script = extractScript();
            try {
                Process check = new ProcessBuilder("bash", script.toString(), "check").redirectErrorStream(true).start();
                String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!check.waitFor(30, TimeUnit.SECONDS)) {
                    check.destroyForcibly();
                    return java.util.Optional.of("checking for the Ceph binaries timed out");
                }
                return check.exitValue() == 0 ? java.util.Optional.empty() : java.util.Optional.of(out);
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            return java.util.Optional.of("cannot run bash: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("interrupted");
        }
    }

    /** Starts a single-node cluster and returns it as a target. */
    public static RunningTarget start(TargetOptions options) {
        unavailableReason().ifPresent(reason -> {
            throw new TargetUnavailableException(StoreKind.CEPH_RGW, reason);
        });
        if (options.recording() && options.port() != 0) {
            Ports.requireFree(options.port(), "the Ceph RGW recording proxy");
        }
        int rgwPort = options.recording() ? Ports.freePort() : Ports.freeOrRequested(options.port(), "Ceph RGW");
        Path script;
        Path log;
        try {
            script = extractScript();
            log = Files.createTempFile("reactive-s3-rgw-start-", ".log");
        } catch (IOException e) {
            throw new TargetStartException("cannot prepare the Ceph RGW start script: " + e.getMessage(), e);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "start")
                    .redirectError(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("RGW_PORT", Integer.toString(rgwPort));
            env.put("MON_V2_PORT", Integer.toString(Ports.freePort()));
            env.put("MON_V1_PORT", Integer.toString(Ports.freePort()));
            env.put("ACCESS_KEY", ACCESS_KEY);
            env.put("SECRET_KEY", SECRET_KEY);
            Process process = builder.start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TargetStartException("Ceph RGW did not start within " + START_TIMEOUT_SECONDS + " s; log: "
                        + Files.readString(log));
            }
            if (process.exitValue() != 0) {
                throw new TargetStartException("Ceph RGW failed to start (exit " + process.exitValue() + "): "
                        + lastLines(Files.readString(log), 25));
            }
            String stateDir = value(stdout, "STATE_DIR");
            URI endpoint = URI.create(value(stdout, "S3_ENDPOINT"));
            Path stopScript = script;
            script = null; // kept for stop
            return new RunningTarget(StoreKind.CEPH_RGW, endpoint, Region.US_EAST_1, ACCESS_KEY, SECRET_KEY, true,
                    CAPABILITIES, options.recording(), options.port(), () -> stop(stopScript, stateDir));
        } catch (IOException e) {
            throw new TargetStartException("cannot run the Ceph RGW start script: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetStartException("interrupted while starting Ceph RGW", e);
        } finally {
            deleteQuietly(log);
            if (script != null) {
                deleteQuietly(script);
            }
        }
    }

    private static void stop(Path script, String stateDir) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "stop", stateDir)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static Path extractScript() throws IOException {
        Path script = Files.createTempFile("reactive-s3-ceph-rgw-", ".sh");
        try (InputStream in = CephRgwCluster.class.getResourceAsStream("/io/reactives3/testkit/ceph-rgw.sh")) {
            if (in == null) {
                throw new IOException("ceph-rgw.sh is missing from the testkit jar");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    private static String value(String stdout, String name) {
        return stdout.lines().filter(l -> l.startsWith(name + "=")).map(l -> l.substring(name.length() + 1))
                .findFirst()
                .orElseThrow(() -> new TargetStartException("the Ceph RGW start script printed no " + name
                        + "; its output was: " + stdout));
    }

    private static String lastLines(String text, int n) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
