package io.reactives3.testkit.internal;

import io.reactives3.testkit.Capability;
import io.reactives3.testkit.Faults;
import io.reactives3.testkit.RequestLog;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one {@link S3Target} implementation: a started server (whatever kind) plus, for loopback http servers, the
 * recording proxy in front of it. What to stop on close is handed in by the starter.
 */
public final class RunningTarget implements S3Target {

    private static final AtomicInteger BUCKET_COUNTER = new AtomicInteger();
    private static final String RUN_ID = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private final StoreKind kind;
    private final URI serverEndpoint;
    private final Region region;
    private final String accessKey;
    private final String secretKey;
    private final boolean pathStyle;
    private final Set<Capability> capabilities;
    private final RecordingProxy proxy;
    private final AutoCloseable server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile S3Client fixtureClient;

    /**
     * @param server    stops the server when the target closes (may be a no-op for external endpoints)
     * @param recording whether to start a recording proxy in front of {@code serverEndpoint}
     */
    public RunningTarget(StoreKind kind, URI serverEndpoint, Region region, String accessKey, String secretKey,
                         boolean pathStyle, Set<Capability> capabilities, boolean recording, int proxyPort,
                         AutoCloseable server) {
        this.kind = Objects.requireNonNull(kind);
        this.serverEndpoint = Objects.requireNonNull(serverEndpoint);
        this.region = Objects.requireNonNull(region);
        this.accessKey = Objects.requireNonNull(accessKey);
        this.secretKey = Objects.requireNonNull(secretKey);
        this.pathStyle = pathStyle;
        this.server = Objects.requireNonNull(server);
        EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
        caps.addAll(capabilities);
        caps.remove(Capability.REQUEST_LOG);
        caps.remove(Capability.FAULT_INJECTION);
        if (recording) {
            try {
                this.proxy = RecordingProxy.start(serverEndpoint, proxyPort);
            } catch (RuntimeException e) {
                closeQuietly(server);
                throw e;
            }
            caps.add(Capability.REQUEST_LOG);
            caps.add(Capability.FAULT_INJECTION);
        } else {
            this.proxy = null;
        }
        this.capabilities = Set.copyOf(caps);
    }

    @Override
    public StoreKind kind() {
        return kind;
    }

    @Override
    public URI endpoint() {
        return proxy == null ? serverEndpoint : proxy.endpoint();
    }

    @Override
    public URI serverEndpoint() {
        return serverEndpoint;
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public String accessKey() {
        return accessKey;
    }

    @Override
    public String secretKey() {
        return secretKey;
    }

    @Override
    public boolean pathStyle() {
        return pathStyle;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public RequestLog requestLog() {
        return requireProxy("a request log").requestLog();
    }

    @Override
    public Faults faults() {
        return requireProxy("fault injection").faults();
    }

    private RecordingProxy requireProxy(String what) {
        if (proxy == null) {
            throw new UnsupportedOperationException(name() + " has no recording proxy, so no " + what
                    + " (it is off for https endpoints and when TargetOptions.withRecording(false))");
        }
        return proxy;
    }

    @Override
    public S3Client fixtureClient() {
        S3Client client = fixtureClient;
        if (client == null) {
            synchronized (this) {
                client = fixtureClient;
                if (client == null) {
                    client = S3Client.builder()
                            .endpointOverride(serverEndpoint)
                            .region(region)
                            .credentialsProvider(credentialsProvider())
                            .forcePathStyle(pathStyle)
                            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                            .httpClientBuilder(ApacheHttpClient.builder()
                                    .maxConnections(32)
                                    .socketTimeout(Duration.ofSeconds(60)))
                            .build();
                    fixtureClient = client;
                }
            }
        }
        return client;
    }

    @Override
    public String newBucketName(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
        String suffix = "-" + RUN_ID + "-" + BUCKET_COUNTER.incrementAndGet();
        int room = 63 - suffix.length();
        if (clean.length() > room) {
            clean = clean.substring(0, room);
        }
        clean = clean.replaceAll("^-+", "");
        if (clean.length() < 3) {
            clean = "rs3" + clean;
        }
        return clean + suffix;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (fixtureClient != null) {
            fixtureClient.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        closeQuietly(server);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("[reactive-s3 testkit] stopping a server failed: " + e);
        }
    }

    @Override
    public String toString() {
        return name() + " at " + endpoint() + (proxy == null ? "" : " (recording, server " + serverEndpoint + ")");
    }
}
