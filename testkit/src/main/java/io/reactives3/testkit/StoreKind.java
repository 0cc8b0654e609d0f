package io.reactives3.testkit;

import java.util.Locale;

/** The kinds of S3 servers the testkit can start or connect to. */
public enum StoreKind {
    /** Embedded S3Proxy 4.x on a temporary folder; checks SigV4. */
    S3PROXY("s3proxy"),
    /** Embedded LocalS3, in memory; versioning, tagging and policy, no signature checks. */
    LOCAL_S3("local-s3"),
    /** Ceph RADOS Gateway: a single-node cluster of local processes (needs the Debian packages). */
    CEPH_RGW("ceph-rgw"),
    /** MinIO in a container through Testcontainers (needs a Docker engine). */
    MINIO("minio"),
    /** Any S3 endpoint given by environment variables ({@code REACTIVE_S3_ENDPOINT}, ...). */
    EXTERNAL("external"),
    /**
     * Adobe's S3Mock, its Spring Boot exec jar run as a separate java process (needs the jar in the local Maven
     * repository, or {@code REACTIVE_S3_S3MOCK_JAR}); no signature checks. Not in the default target list: it
     * takes several seconds to start, so select it with {@code REACTIVE_S3_TARGETS}.
     */
    S3MOCK("s3mock");

    private final String id;

    StoreKind(String id) {
        this.id = id;
    }

    /** Whether test suites run on this kind when {@code REACTIVE_S3_TARGETS} does not choose (all but S3Mock). */
    public boolean selectedByDefault() {
        return this != S3MOCK;
    }

    /** The short name used in test display names and in {@code REACTIVE_S3_TARGETS}. */
    public String id() {
        return id;
    }

    /**
     * Parses a short name such as {@code s3proxy} or {@code ceph-rgw} (case-insensitive; {@code _} and {@code -}
     * are equivalent).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static StoreKind fromId(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (StoreKind kind : values()) {
            if (kind.id.equals(normalized)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown S3 target '" + name + "': expected one of "
                + java.util.Arrays.stream(values()).map(StoreKind::id).collect(java.util.stream.Collectors.joining(", ")));
    }
}
