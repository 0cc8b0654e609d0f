package io.reactives3.testkit.internal;

import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The optional dependencies behind each target. The testkit declares every server's own library as
 * {@code optional}, so a project pulls only those of the targets it uses; selecting a target whose library is not
 * on the class path fails with a {@link TargetUnavailableException} that names the dependency to add.
 */
public final class ServerDependencies {

    private static final Properties VERSIONS = loadVersions();
    /** The newest annotation Jackson 3.2 (S3Proxy 4.1's) loads; jackson-annotations has it from 2.21 on. */
    static final String JACKSON_3_NEEDS = "com.fasterxml.jackson.annotation.JsonSerializeAs";

    private ServerDependencies() {
    }

    /** The version of {@code name} ({@code s3proxy}, {@code local-s3}, ...) this testkit was built with. */
    public static String version(String name) {
        return VERSIONS.getProperty(name, "?");
    }

    /**
     * Why {@code kind} cannot start for lack of a dependency, or empty when everything it needs is on the class
     * path (targets that need no library, such as Ceph RGW, are always complete).
     */
    public static Optional<String> missing(StoreKind kind) {
        return switch (kind) {
            case S3PROXY -> firstMissing(
                    new Needed("org.gaul.s3proxy.S3Proxy", "org.gaul:s3proxy:" + version("s3proxy")),
                    new Needed("tools.jackson.databind.ObjectMapper",
                            "tools.jackson.core:jackson-databind (S3Proxy's Jackson 3; do not exclude it)"),
                    new Needed("com.fasterxml.jackson.annotation.JsonFormat",
                            "com.fasterxml.jackson.core:jackson-annotations:" + version("jackson-annotations")))
                    .or(() -> present(JACKSON_3_NEEDS) ? Optional.empty()
                            : jacksonAnnotationsTooOld(jacksonAnnotationsVersion()));
            case LOCAL_S3 -> firstMissing(
                    new Needed("com.robothy.s3.rest.LocalS3", "io.github.robothy:local-s3-rest:" + version("local-s3")),
                    new Needed("io.netty.handler.codec.http.HttpServerCodec",
                            "io.netty:netty-codec-http:" + version("netty")));
            case MINIO -> firstMissing(new Needed("org.testcontainers.containers.MinIOContainer",
                    "org.testcontainers:testcontainers-minio:" + version("testcontainers")));
            case S3MOCK -> S3MockProcess.unavailableReason();
            default -> Optional.empty();
        };
    }

    /** Throws the {@link TargetUnavailableException} of {@link #missing(StoreKind)}, if any. */
    public static void require(StoreKind kind) {
        missing(kind).ifPresent(reason -> {
            throw new TargetUnavailableException(kind, reason);
        });
    }

    /** A class that must be on the class path, and the dependency that brings it. */
    record Needed(String className, String dependency) {
    }

    static Optional<String> firstMissing(Needed... needed) {
        for (Needed n : needed) {
            if (!present(n.className())) {
                return Optional.of("add the test dependency " + n.dependency() + " to use this target (" + n.className()
                        + " is not on the class path; the testkit declares it optional)");
            }
        }
        return Optional.empty();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ServerDependencies.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * S3Proxy 4.1 runs on Jackson 3.2, which uses the 2.x annotations and needs 2.21 or newer
     * ({@code JsonSerializeAs}); a build that manages Jackson 2 at an older version (Spring Boot 3.5's BOM manages
     * 2.19) downgrades them under it, and S3Proxy fails with {@code NoClassDefFoundError}.
     *
     * @param version the jackson-annotations version on the class path, or {@code null} when unknown
     */
    static Optional<String> jacksonAnnotationsTooOld(String version) {
        return Optional.of("S3Proxy " + version("s3proxy") + " runs on Jackson 3, which needs "
                + "com.fasterxml.jackson.core:jackson-annotations 2.21 or newer (" + JACKSON_3_NEEDS + "), but "
                + (version == null ? "an older one" : version) + " is on the class path (Spring Boot 3.5's BOM "
                + "manages 2.19): declare jackson-annotations " + version("jackson-annotations") + " in your "
                + "dependencyManagement before the Spring Boot BOM (Jackson 2.19 runs on it too)");
    }

    static String jacksonAnnotationsVersion() {
        try (InputStream in = ServerDependencies.class.getClassLoader().getResourceAsStream(
                "META-INF/maven/com.fasterxml.jackson.core/jackson-annotations/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    private static Properties loadVersions() {
        Properties properties = new Properties();
        try (InputStream in = ServerDependencies.class.getResourceAsStream("/io/reactives3/testkit/versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
