package io.reactives3.testkit;

import java.net.URI;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A running S3-compatible server that tests and demos talk to over HTTP.
 *
 * <p>Obtain one from {@link S3Targets}; inside JUnit use {@link io.reactives3.testkit.junit.S3Test}, which runs a
 * test once per available target. Clients should use {@link #endpoint()}: for loopback servers it is the testkit's
 * recording proxy, which logs every request ({@link #requestLog()}) and can inject faults ({@link #faults()}).
 * Closing a target stops what the testkit started (server, proxy, processes, temporary folders).
 */
public interface S3Target extends AutoCloseable {

    /** Short name, e.g. {@code s3proxy}; used in test display names. */
    default String name() {
        return kind().id();
    }

    /** What kind of server this is. */
    StoreKind kind();

    /** The endpoint clients should use (through the recording proxy when {@link Capability#REQUEST_LOG} is declared). */
    URI endpoint();

    /** The server itself, bypassing the recording proxy (for benchmarks); equal to {@link #endpoint()} without a proxy. */
    URI serverEndpoint();

    /** The signing region. */
    Region region();

    /** The access key id accepted by the server. */
    String accessKey();

    /** The secret key accepted by the server. */
    String secretKey();

    /** Static credentials for {@link #accessKey()} / {@link #secretKey()}. */
    default AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey()));
    }

    /** Whether clients must use path-style addressing ({@code http://host/bucket/key}). */
    boolean pathStyle();

    /** The capabilities this target declares; the capability-truth tests keep them honest. */
    Set<Capability> capabilities();

    /** Whether this target declares {@code capability}. */
    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    /**
     * Every request that went through {@link #endpoint()}.
     *
     * @throws UnsupportedOperationException when the target has no recording proxy (no {@link Capability#REQUEST_LOG})
     */
    RequestLog requestLog();

    /**
     * Faults to inject into the traffic of {@link #endpoint()}.
     *
     * @throws UnsupportedOperationException when the target has no recording proxy (no {@link Capability#FAULT_INJECTION})
     */
    Faults faults();

    /**
     * A synchronous SDK client for fixtures (creating and emptying buckets, seeding objects), configured for this
     * target: its endpoint, credentials, path style, and checksums only when required (quirk 4). Owned by the
     * target: do not close it.
     */
    S3Client fixtureClient();

    /**
     * A fresh bucket name that S3's naming rules accept: lowercase, starts with {@code prefix} (trimmed to fit),
     * unique within this JVM run.
     */
    String newBucketName(String prefix);

    /** Stops whatever the testkit started for this target. Idempotent. */
    @Override
    void close();
}
