package io.reactives3.core.internal;

import io.reactives3.core.ChecksumPolicy;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.HttpTransport;
import io.reactives3.core.ReactiveS3ClientBuilder;
import io.reactives3.core.StoreProfile;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.CredentialUtils;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;

/** Builds SDK clients from {@link ClientSettings}, and describes wrapped ones as settings. */
public final class SdkClients {

    private SdkClients() {
    }

    /** An SDK async client configured exactly as {@code settings} say, then by {@code customizer}. */
    public static S3AsyncClient asyncClient(ClientSettings settings, Consumer<S3AsyncClientBuilder> customizer) {
        S3AsyncClientBuilder builder = S3AsyncClient.builder()
                .region(settings.region())
                .credentialsProvider(settings.credentialsProvider())
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(settings.checksumMode() == ChecksumPolicy.WHEN_REQUIRED
                        ? RequestChecksumCalculation.WHEN_REQUIRED : RequestChecksumCalculation.WHEN_SUPPORTED)
                .responseChecksumValidation(settings.checksumMode() == ChecksumPolicy.WHEN_REQUIRED
                        ? ResponseChecksumValidation.WHEN_REQUIRED : ResponseChecksumValidation.WHEN_SUPPORTED)
                .httpClient(httpClient(settings))
                .overrideConfiguration(o -> {
                    o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(settings.maxAttempts()).build());
                    settings.apiCallTimeout().ifPresent(o::apiCallTimeout);
                    settings.apiCallAttemptTimeout().ifPresent(o::apiCallAttemptTimeout);
                });
        settings.endpoint().ifPresent(builder::endpointOverride);
        customizer.accept(builder);
        return builder.build();
    }

    /** The async HTTP client {@code settings} ask for: pool size, timeouts. */
    public static SdkAsyncHttpClient httpClient(ClientSettings settings) {
        if (settings.httpTransport() == HttpTransport.CRT) {
            return AwsCrtAsyncHttpClient.builder()
                    .maxConcurrency(settings.maxConnections())
                    .connectionTimeout(settings.connectionTimeout())
                    .connectionAcquisitionTimeout(settings.connectionAcquireTimeout())
                    // the CRT has no read timeout: a connection that moves (almost) nothing for the read timeout
                    // is failed, so a store that stops answering cannot hold a request forever
                    .connectionHealthConfiguration(health -> health.minimumThroughputInBps(1L)
                            .minimumThroughputTimeout(settings.readTimeout()))
                    .build();
        }
        return NettyNioAsyncHttpClient.builder()
                .maxConcurrency(settings.maxConnections())
                .connectionAcquisitionTimeout(settings.connectionAcquireTimeout())
                .connectionTimeout(settings.connectionTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .build();
    }

    /** Settings describing a caller-built SDK client, as far as its configuration tells. */
    static ClientSettings describe(S3AsyncClient sdk, StoreProfile profile) {
        S3ServiceClientConfiguration config = sdk.serviceClientConfiguration();
        Region region = config.region() != null ? config.region() : Region.US_EAST_1;
        AwsCredentialsProvider credentials = config.credentialsProvider() != null
                ? CredentialUtils.toCredentialsProvider(config.credentialsProvider())
                : DefaultCredentialsProvider.builder().build();
        return new ClientSettings(profile, config.endpointOverride(), region, credentials, profile.pathStyle(),
                profile.checksumMode(), HttpTransport.NETTY, ReactiveS3ClientBuilder.DEFAULT_MAX_CONNECTIONS,
                ReactiveS3ClientBuilder.DEFAULT_ACQUIRE_TIMEOUT, ReactiveS3ClientBuilder.DEFAULT_CONNECTION_TIMEOUT,
                ReactiveS3ClientBuilder.DEFAULT_READ_TIMEOUT, Optional.empty(), Optional.empty(),
                ReactiveS3ClientBuilder.DEFAULT_MAX_ATTEMPTS);
    }
}
