package io.reactives3.testkit.internal;

import io.reactives3.testkit.Capability;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import io.reactives3.testkit.TargetStartException;
import io.reactives3.testkit.TargetUnavailableException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.regions.Region;

/**
 * Adobe's S3Mock as a separate java process: its Spring Boot exec jar ({@code com.adobe.testing:s3mock:<version>},
 * classifier {@code exec}) is run from the local Maven repository on a free loopback port, with its store in a
 * temporary folder, and stopped (its folder removed) when the target closes.
 *
 * <p>The jar is looked up in this order: {@code REACTIVE_S3_S3MOCK_JAR} (or {@code -Dreactive.s3.s3mock.jar}),
 * then the local Maven repository ({@code -Dmaven.repo.local}, else {@code ~/.m2/repository}). Without it the target
 * is unavailable, with the command that downloads it as the reason.
 */
public final class S3MockProcess {

    /** Environment variable naming the exec jar to run. */
    public static final String JAR_SETTING = "REACTIVE_S3_S3MOCK_JAR";

    /**
     * What S3Mock 4.8 does (measured by the capability-truth tests). It lacks signature checks (any credentials
     * pass), bucket tagging (a PUT {@code ?tagging} on a bucket is answered 409 BucketAlreadyOwnedByYou), bucket
     * policy (400), CORS, presigned POST, and GetObject {@code partNumber} (it sends the whole object).
     */
    static final Set<Capability> CAPABILITIES = EnumSet.of(
            Capability.ACL, Capability.VERSIONING, Capability.LIFECYCLE,
            Capability.FLEXIBLE_CHECKSUMS, Capability.CRT_MULTIPART);

    private static final long START_TIMEOUT_SECONDS = 180;
    private static final long STOP_TIMEOUT_SECONDS = 20;

    private S3MockProcess() {
    }

    /** The exec jar to run, or empty when none is found. */
    public static Optional<Path> findJar() {
        String explicit = setting(JAR_SETTING);
        if (explicit != null) {
            return Optional.of(Paths.get(explicit)).filter(Files::isRegularFile);
        }
        String version = ServerDependencies.version("s3mock");
        String repo = System.getProperty("maven.repo.local");
        Path repository = repo != null && !repo.isBlank()
                ? Paths.get(repo)
                : Paths.get(System.getProperty("user.home"), ".m2", "repository");
        Path jar = repository.resolve(Paths.get("com", "adobe", "testing", "s3mock", version,
                "s3mock-" + version + "-exec.jar"));
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /** Why S3Mock cannot run here, or empty when its jar is found. */
    public static Optional<String> unavailableReason() {
        if (findJar().isPresent()) {
            return Optional.empty();
        }
        String version = ServerDependencies.version("s3mock");
        String explicit = setting(JAR_SETTING);
        if (explicit != null) {
            return Optional.of(JAR_SETTING + " names " + explicit + ", which is not a file");
        }
        return Optional.of("S3Mock's exec jar is not in the local Maven repository: fetch it with "
                + "'mvn dependency:get -Dartifact=com.adobe.testing:s3mock:" + version + ":jar:exec' (or declare "
                + "com.adobe.testing:s3mock:" + version + " with classifier exec and type jar as a test dependency "
                + "of a module that runs first), or set " + JAR_SETTING + " to the jar");
    }

    /** Starts S3Mock and returns it as a target. */
    public static RunningTarget start(TargetOptions options) {
        unavailableReason().ifPresent(reason -> {
            throw new TargetUnavailableException(StoreKind.S3MOCK, reason);
        });
        Path jar = findJar().orElseThrow();
        if (options.recording() && options.port() != 0) {
            Ports.requireFree(options.port(), "the S3Mock recording proxy");
        }
        int httpPort = options.recording() ? Ports.freePort() : Ports.freeOrRequested(options.port(), "S3Mock");
        int httpsPort = Ports.freePort();
        Path dir;
        try {
            dir = Files.createTempDirectory("reactive-s3-s3mock-");
        } catch (IOException e) {
            throw new TargetStartException("cannot create a temporary folder for S3Mock: " + e.getMessage(), e);
        }
        Path log = dir.resolve("s3mock.log");
        Path root = dir.resolve("store");
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + dir,
                "-jar", jar.toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + httpsPort,
                "--com.adobe.testing.s3mock.httpPort=" + httpPort,
                "--http.port=" + httpPort,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.retainFilesOnExit=false",
                "--spring.main.banner-mode=off"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new TargetStartException("cannot run S3Mock (" + jar + "): " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + httpPort);
        try {
            awaitReady(process, endpoint, log);
        } catch (RuntimeException e) {
            stop(process, dir);
            throw e;
        }
        return new RunningTarget(StoreKind.S3MOCK, endpoint, Region.US_EAST_1, "s3mock-any-key",
                "s3mock-any-secret", true, CAPABILITIES, options.recording(), options.port(),
                () -> stop(process, dir));
    }

    private static void awaitReady(Process process, URI endpoint, Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (true) {
            if (!process.isAlive()) {
                throw new TargetStartException("S3Mock exited with " + process.exitValue() + " while starting: "
                        + lastLines(log, 25));
            }
            if (answers(endpoint)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TargetStartException("S3Mock did not answer on " + endpoint + " within "
                        + START_TIMEOUT_SECONDS + " s: " + lastLines(log, 25));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetStartException("interrupted while starting S3Mock", e);
            }
        }
    }

    /** Whether S3Mock answers ListBuckets with 200. */
    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
            connection.setConnectTimeout(1_000);
            connection.setReadTimeout(5_000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process process, Path dir) {
        try {
            process.destroy(); // SIGTERM: Spring closes the server
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String javaExecutable() {
        Path java = Paths.get(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    private static String lastLines(Path log, int n) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            TempFolders.deleteRecursively(dir);
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }

    /** A setting from the system property ({@code REACTIVE_S3_X} -> {@code reactive.s3.x}) or the environment. */
    private static String setting(String name) {
        String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv(name);
        return env == null || env.isBlank() ? null : env;
    }
}
