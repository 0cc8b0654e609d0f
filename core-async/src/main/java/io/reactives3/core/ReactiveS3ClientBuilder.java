package io.reactives3.core;

import software.amazon.awssdk.auth.credentials.CredentialUtils;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.internal.DefaultReactiveS3Client;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Builds a {@link ReactiveS3Client}. Every option has a documented default; a {@link #profile(StoreProfile) profile}
 * sets path style and checksum mode together, and explicit settings win over the profile.
 *
 * <pre>{@code
 * ReactiveS3Client s3 = ReactiveS3Client.builder()
 *         .profile(StoreProfile.CEPH)
 *         .endpoint(URI.create("http://127.0.0.1:8080"))
 *         .credentials("access", "secret")
 *         .maxConnections(32)
 *         .build();
 * }</pre>
 *
 * Not thread-safe; {@link #build()} may be called more than once.
 */
public final class ReactiveS3ClientBuilder {

    /** Default pool size: 64 connections. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** Default wait for a pooled connection: 30 s (large transfers queue many parts). */
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);
    /** Default TCP connect timeout: 5 s. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** Default read timeout: 30 s of silence. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Default attempts per call, first included (the SDK standard retry strategy with backoff). */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private StoreProfile profile;
    private URI endpoint;
    private Region region;
    private AwsCredentialsProvider credentialsProvider;
    private Boolean pathStyle;
    private ChecksumPolicy checksumMode;
    private HttpTransport httpTransport = HttpTransport.NETTY;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Duration connectionAcquireTimeout = DEFAULT_ACQUIRE_TIMEOUT;
    private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration apiCallTimeout;
    private Duration apiCallAttemptTimeout;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Consumer<S3AsyncClientBuilder> sdkCustomizer = b -> { };
    private final List<OperationDecorator> operationDecorators = new ArrayList<>();

    ReactiveS3ClientBuilder() {
    }

    /**
     * The kind of store. Default: {@link StoreProfile#AWS} without an endpoint override,
     * {@link StoreProfile#GENERIC} with one.
     */
    public ReactiveS3ClientBuilder profile(StoreProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        return this;
    }

    /** The store's endpoint, e.g. {@code http://127.0.0.1:9000}. Default: AWS's regional endpoint. */
    public ReactiveS3ClientBuilder endpoint(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new InvalidInputException("endpoint must be an absolute http(s) URL with a host, got " + endpoint);
        }
        this.endpoint = endpoint;
        return this;
    }

    /** The signing region. Default: the SDK's region chain (env, system property, profile file, instance metadata). */
    public ReactiveS3ClientBuilder region(Region region) {
        this.region = Objects.requireNonNull(region, "region");
        return this;
    }

    /** Where credentials come from. Default: the SDK's default chain (env, system properties, profile, container, instance). */
    public ReactiveS3ClientBuilder credentialsProvider(AwsCredentialsProvider provider) {
        this.credentialsProvider = Objects.requireNonNull(provider, "credentialsProvider");
        return this;
    }

    /** Static credentials. */
    public ReactiveS3ClientBuilder credentials(String accessKeyId, String secretAccessKey) {
        return credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                Objects.requireNonNull(accessKeyId, "accessKeyId"),
                Objects.requireNonNull(secretAccessKey, "secretAccessKey"))));
    }

    /** Path-style addressing ({@code http://host/bucket/key}). Default: the profile's choice. */
    public ReactiveS3ClientBuilder pathStyle(boolean pathStyle) {
        this.pathStyle = pathStyle;
        return this;
    }

    /** When checksums are computed and validated. Default: the profile's choice. */
    public ReactiveS3ClientBuilder checksumMode(ChecksumPolicy mode) {
        this.checksumMode = Objects.requireNonNull(mode, "checksumMode");
        return this;
    }

    /** The HTTP client under the SDK client. Default: {@link HttpTransport#NETTY}. */
    public ReactiveS3ClientBuilder httpTransport(HttpTransport transport) {
        this.httpTransport = Objects.requireNonNull(transport, "httpTransport");
        return this;
    }

    /** Connection pool size, i.e. the most requests in flight at once. Default 64; range 1..10,000. */
    public ReactiveS3ClientBuilder maxConnections(int maxConnections) {
        if (maxConnections < 1 || maxConnections > 10_000) {
            throw new InvalidInputException("maxConnections must be within 1..10000, got " + maxConnections);
        }
        this.maxConnections = maxConnections;
        return this;
    }

    /** How long a request may wait for a pooled connection before failing. Default 30 s; must be positive. */
    public ReactiveS3ClientBuilder connectionAcquireTimeout(Duration timeout) {
        this.connectionAcquireTimeout = positive(timeout, "connectionAcquireTimeout");
        return this;
    }

    /** TCP connect timeout. Default 5 s; must be positive. */
    public ReactiveS3ClientBuilder connectionTimeout(Duration timeout) {
        this.connectionTimeout = positive(timeout, "connectionTimeout");
        return this;
    }

    /**
     * Longest silence while reading a response. Default 30 s; must be positive. With {@link HttpTransport#CRT} it is
     * counted in whole seconds, rounded up, and 2 s at least (the CRT's connection monitor allows no less).
     */
    public ReactiveS3ClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    /** Time limit for a whole call, retries included. Default: none. */
    public ReactiveS3ClientBuilder apiCallTimeout(Duration timeout) {
        this.apiCallTimeout = positive(timeout, "apiCallTimeout");
        return this;
    }

    /** Time limit for one attempt of a call. Default: none. */
    public ReactiveS3ClientBuilder apiCallAttemptTimeout(Duration timeout) {
        this.apiCallAttemptTimeout = positive(timeout, "apiCallAttemptTimeout");
        return this;
    }

    /**
     * Attempts per call, the first included, with the SDK's standard retry strategy (exponential backoff with
     * jitter on 5xx, throttling and connection errors). Default 3; range 1..20 (1 disables retries).
     */
    public ReactiveS3ClientBuilder maxAttempts(int maxAttempts) {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new InvalidInputException("maxAttempts must be within 1..20, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        return this;
    }

    /**
     * Last-word access to the SDK builder, applied after every other setting (metrics publishers, interceptors, a
     * custom retry strategy, ...).
     */
    public ReactiveS3ClientBuilder sdkCustomizer(Consumer<S3AsyncClientBuilder> customizer) {
        this.sdkCustomizer = Objects.requireNonNull(customizer, "sdkCustomizer");
        return this;
    }

    /**
     * Adds a decorator wrapped around each S3 request the client sends (see {@link OperationDecorator}), e.g. to
     * observe or trace it. Decorators apply in the order added, the first outermost (it sees the subscriber's
     * context first). Default: none.
     */
    public ReactiveS3ClientBuilder addOperationDecorator(OperationDecorator decorator) {
        operationDecorators.add(Objects.requireNonNull(decorator, "decorator"));
        return this;
    }

    /**
     * Builds the client and the SDK client under it. The client owns its SDK client and closes it on
     * {@link ReactiveS3Client#close()}.
     *
     * @throws software.amazon.awssdk.core.exception.SdkClientException when no region is configured anywhere
     */
    public ReactiveS3Client build() {
        StoreProfile resolvedProfile = profile != null ? profile
                : endpoint == null ? StoreProfile.AWS : StoreProfile.GENERIC;
        Region resolvedRegion = region != null ? region
                : endpoint != null ? regionOrDefault() : DefaultAwsRegionProviderChain.builder().build().getRegion();
        ClientSettings settings = new ClientSettings(
                resolvedProfile,
                endpoint,
                resolvedRegion,
                credentialsProvider != null ? credentialsProvider : DefaultCredentialsProvider.builder().build(),
                pathStyle != null ? pathStyle : resolvedProfile.pathStyle(),
                checksumMode != null ? checksumMode : resolvedProfile.checksumMode(),
                httpTransport,
                maxConnections,
                connectionAcquireTimeout,
                connectionTimeout,
                readTimeout,
                apiCallTimeout,
                apiCallAttemptTimeout,
                maxAttempts,
                operationDecorators);
        return DefaultReactiveS3Client.create(settings, sdkCustomizer);
    }

    /**
     * Settings describing a caller-built SDK client, as far as its configuration tells (the builder's defaults for
     * the rest).
     */
    static ClientSettings describe(S3AsyncClient sdk, StoreProfile profile) {
        S3ServiceClientConfiguration config = sdk.serviceClientConfiguration();
        Region region = config.region() != null ? config.region() : Region.US_EAST_1;
        AwsCredentialsProvider credentials = config.credentialsProvider() != null
                ? CredentialUtils.toCredentialsProvider(config.credentialsProvider())
                : DefaultCredentialsProvider.builder().build();
        return new ClientSettings(profile, config.endpointOverride().orElse(null), region, credentials,
                profile.pathStyle(), profile.checksumMode(), HttpTransport.NETTY, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_ACQUIRE_TIMEOUT, DEFAULT_CONNECTION_TIMEOUT, DEFAULT_READ_TIMEOUT, null, null,
                DEFAULT_MAX_ATTEMPTS, List.of());
    }

    /** With a custom endpoint the region only names the signing scope: fall back to us-east-1 when none is configured. */
    private static Region regionOrDefault() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (RuntimeException e) {
            return Region.US_EAST_1;
        }
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidInputException(name + " must be positive, got " + d);
        }
        return d;
    }
}
