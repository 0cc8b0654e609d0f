package io.reactives3.core.internal;

import io.reactives3.core.ChecksumPolicy;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.HttpTransport;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/** Builds SDK clients from {@link ClientSettings}. */
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
                    if (settings.apiCallTimeout() != null) {
                        o.apiCallTimeout(settings.apiCallTimeout());
                    }
                    if (settings.apiCallAttemptTimeout() != null) {
                        o.apiCallAttemptTimeout(settings.apiCallAttemptTimeout());
                    }
                });
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
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
                    // is failed, so a store that stops answering cannot hold a request forever. The CRT measures it
                    // in whole seconds, 2 at least (it refuses less): the read timeout is rounded up to that
                    .connectionHealthConfiguration(health -> health.minimumThroughputInBps(1L)
                            .minimumThroughputTimeout(crtThroughputTimeout(settings.readTimeout())))
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

    /** The CRT's minimum-throughput interval for a read timeout: whole seconds, rounded up, 2 s at least. */
    static java.time.Duration crtThroughputTimeout(java.time.Duration readTimeout) {
        long seconds = readTimeout.getSeconds() + (readTimeout.getNano() > 0 ? 1 : 0);
        return java.time.Duration.ofSeconds(Math.max(2, seconds));
    }
}
