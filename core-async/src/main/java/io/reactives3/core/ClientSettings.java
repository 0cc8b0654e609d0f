package io.reactives3.core;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The resolved configuration of a {@link ReactiveS3Client}, read-only: the profile's defaults combined with the
 * {@link ReactiveS3ClientBuilder}'s overrides (or, for a wrapped SDK client, what its configuration tells). Built
 * only by the client builder; read it through {@link ReactiveS3Client#settings()}.
 */
public final class ClientSettings {
    private final StoreProfile profile;
    private final @Nullable URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentialsProvider;
    private final boolean pathStyle;
    private final ChecksumPolicy checksumMode;
    private final HttpTransport httpTransport;
    private final int maxConnections;
    private final Duration connectionAcquireTimeout;
    private final Duration connectionTimeout;
    private final Duration readTimeout;
    private final @Nullable Duration apiCallTimeout;
    private final @Nullable Duration apiCallAttemptTimeout;
    private final int maxAttempts;
    private final List<OperationDecorator> operationDecorators;

    @SuppressWarnings("checkstyle:ParameterNumber")
    ClientSettings(StoreProfile profile, @Nullable URI endpoint, Region region,
                   AwsCredentialsProvider credentialsProvider, boolean pathStyle, ChecksumPolicy checksumMode,
                   HttpTransport httpTransport, int maxConnections, Duration connectionAcquireTimeout,
                   Duration connectionTimeout, Duration readTimeout, @Nullable Duration apiCallTimeout,
                   @Nullable Duration apiCallAttemptTimeout, int maxAttempts,
                   List<OperationDecorator> operationDecorators) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.endpoint = endpoint;
        this.region = Objects.requireNonNull(region, "region");
        this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider");
        this.pathStyle = pathStyle;
        this.checksumMode = Objects.requireNonNull(checksumMode, "checksumMode");
        this.httpTransport = Objects.requireNonNull(httpTransport, "httpTransport");
        this.maxConnections = maxConnections;
        this.connectionAcquireTimeout = Objects.requireNonNull(connectionAcquireTimeout, "connectionAcquireTimeout");
        this.connectionTimeout = Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.apiCallTimeout = apiCallTimeout;
        this.apiCallAttemptTimeout = apiCallAttemptTimeout;
        this.maxAttempts = maxAttempts;
        this.operationDecorators = List.copyOf(operationDecorators);
    }

    /** The store profile. */
    public StoreProfile profile() {
        return profile;
    }

    /** The endpoint override, or {@code null} for AWS's regional endpoints. */
    public @Nullable URI endpoint() {
        return endpoint;
    }

    /** The signing region. */
    public Region region() {
        return region;
    }

    /** Where credentials come from. */
    public AwsCredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    /** Whether path-style addressing ({@code http://host/bucket/key}) is used. */
    public boolean pathStyle() {
        return pathStyle;
    }

    /** When checksums are computed and validated. */
    public ChecksumPolicy checksumMode() {
        return checksumMode;
    }

    /** The HTTP client under the SDK client. */
    public HttpTransport httpTransport() {
        return httpTransport;
    }

    /** Connection pool size, i.e. the most requests in flight at once (1..10,000). */
    public int maxConnections() {
        return maxConnections;
    }

    /** How long a request waits for a pooled connection. */
    public Duration connectionAcquireTimeout() {
        return connectionAcquireTimeout;
    }

    /** TCP connect timeout. */
    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    /** Longest silence while reading a response (Netty) / socket timeout. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Time limit for a whole call including retries, or {@code null} for none. */
    public @Nullable Duration apiCallTimeout() {
        return apiCallTimeout;
    }

    /** Time limit for one attempt of a call, or {@code null} for none. */
    public @Nullable Duration apiCallAttemptTimeout() {
        return apiCallAttemptTimeout;
    }

    /** Attempts per call including the first (SDK standard retry strategy), 1..20. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The decorators wrapped around each S3 request, the first outermost; empty by default and for a wrapped SDK
     * client.
     */
    public List<OperationDecorator> operationDecorators() {
        return operationDecorators;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ClientSettings s)) {
            return false;
        }
        return profile == s.profile && Objects.equals(endpoint, s.endpoint) && region.equals(s.region)
                && credentialsProvider.equals(s.credentialsProvider) && pathStyle == s.pathStyle
                && checksumMode == s.checksumMode && httpTransport == s.httpTransport
                && maxConnections == s.maxConnections && connectionAcquireTimeout.equals(s.connectionAcquireTimeout)
                && connectionTimeout.equals(s.connectionTimeout) && readTimeout.equals(s.readTimeout)
                && Objects.equals(apiCallTimeout, s.apiCallTimeout)
                && Objects.equals(apiCallAttemptTimeout, s.apiCallAttemptTimeout) && maxAttempts == s.maxAttempts
                && operationDecorators.equals(s.operationDecorators);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, endpoint, region, credentialsProvider, pathStyle, checksumMode, httpTransport,
                maxConnections, connectionAcquireTimeout, connectionTimeout, readTimeout, apiCallTimeout,
                apiCallAttemptTimeout, maxAttempts, operationDecorators);
    }

    /** The settings without the credentials provider's contents (only its type). */
    @Override
    public String toString() {
        return "ClientSettings[profile=" + profile + ", endpoint=" + endpoint + ", region=" + region
                + ", credentialsProvider=" + credentialsProvider.getClass().getSimpleName() + ", pathStyle="
                + pathStyle + ", checksumMode=" + checksumMode + ", httpTransport=" + httpTransport
                + ", maxConnections=" + maxConnections + ", connectionAcquireTimeout=" + connectionAcquireTimeout
                + ", connectionTimeout=" + connectionTimeout + ", readTimeout=" + readTimeout + ", apiCallTimeout="
                + apiCallTimeout + ", apiCallAttemptTimeout=" + apiCallAttemptTimeout + ", maxAttempts="
                + maxAttempts + ", operationDecorators="
                + operationDecorators.stream().map(d -> d.getClass().getSimpleName()).toList() + "]";
    }
}
