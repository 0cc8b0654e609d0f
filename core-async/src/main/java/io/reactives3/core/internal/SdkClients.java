package io.reactives3.core.internal;

import io.reactives3.core.ChecksumPolicy;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.HttpTransport;
import io.reactives3.core.ReactiveS3Client;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/** Builds SDK clients from {@link ClientSettings}. */
public final class SdkClients {

    private SdkClients() {
    }

    /**
     * An SDK async client configured exactly as {@code settings} say, then by {@code customizer}, with what it runs
     * on. The SDK client owns its HTTP client (closing it closes the connections and, for the CRT, frees its native
     * resources); the Netty event loops are this project's, so that closing them does not wait: see
     * {@link OwnedSdkClient#close()}.
     */
    static OwnedSdkClient asyncClient(ClientSettings settings, Consumer<S3AsyncClientBuilder> customizer) {
        SdkEventLoopGroup eventLoops = settings.httpTransport() == HttpTransport.CRT ? null
                : SdkEventLoopGroup.builder().build();
        ClosedClientGuard guard = new ClosedClientGuard();
        S3AsyncClientBuilder builder = S3AsyncClient.builder()
                .region(settings.region())
                .credentialsProvider(settings.credentialsProvider())
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(settings.checksumMode() == ChecksumPolicy.WHEN_REQUIRED
                        ? RequestChecksumCalculation.WHEN_REQUIRED : RequestChecksumCalculation.WHEN_SUPPORTED)
                .responseChecksumValidation(settings.checksumMode() == ChecksumPolicy.WHEN_REQUIRED
                        ? ResponseChecksumValidation.WHEN_REQUIRED : ResponseChecksumValidation.WHEN_SUPPORTED)
                .httpClientBuilder(httpClient(settings, eventLoops))
                .overrideConfiguration(o -> {
                    o.addExecutionInterceptor(guard);
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
        try {
            return new OwnedSdkClient(builder.build(), guard, eventLoops);
        } catch (RuntimeException | Error e) {
            if (eventLoops != null) {
                eventLoops.eventLoopGroup().shutdownGracefully(0, 1L, TimeUnit.SECONDS);
            }
            throw e;
        }
    }

    /**
     * An SDK client, the guard that refuses its calls once closed, and the Netty event loops its HTTP client runs on
     * ({@code null} over the CRT, whose HTTP client the SDK client closes with its own resources).
     */
    record OwnedSdkClient(S3AsyncClient sdk, ClosedClientGuard guard, @Nullable SdkEventLoopGroup eventLoops)
            implements AutoCloseable {

        /**
         * Refuses calls from now on ({@link ClosedClientGuard}), then closes the SDK client with its HTTP client and
         * stops the Netty event loops, without making the caller wait. Closing the SDK's Netty client blocks until its
         * channel pools have closed (some milliseconds; up to the SDK's 5 s timeout), so over Netty that runs on a
         * daemon thread of its own ({@link ReactiveS3Client#CLOSE_THREAD_NAME}); the CRT HTTP client closes without
         * waiting, at once, so that a process exiting next finds nothing of it left. Before, HTTP clients given to the
         * SDK as instances were never closed at all: their threads and native resources stayed until the process
         * ended.
         */
        @Override
        public void close() {
            if (!guard.close()) {
                return; // closed before
            }
            if (eventLoops == null) {
                sdk.close();
                return;
            }
            Thread closer = new Thread(() -> {
                try {
                    sdk.close();
                } finally {
                    eventLoops.eventLoopGroup().shutdownGracefully(0, 5L, TimeUnit.SECONDS);
                }
            }, ReactiveS3Client.CLOSE_THREAD_NAME);
            closer.setDaemon(true);
            closer.start();
        }
    }

    /**
     * A builder of the async HTTP client {@code settings} ask for: pool size, timeouts. Given to the SDK as a builder,
     * not as a client, so that the SDK client owns what it builds and closing it releases the HTTP client's threads
     * and (CRT) native resources; a client given as an instance is never closed by the SDK.
     */
    static SdkAsyncHttpClient.Builder<?> httpClient(ClientSettings settings, @Nullable SdkEventLoopGroup eventLoops) {
        if (settings.httpTransport() == HttpTransport.CRT) {
            return AwsCrtAsyncHttpClient.builder()
                    .maxConcurrency(settings.maxConnections())
                    .connectionTimeout(settings.connectionTimeout())
                    .connectionAcquisitionTimeout(settings.connectionAcquireTimeout())
                    // the CRT has no read timeout: a connection that moves (almost) nothing for the read timeout
                    // is failed, so a store that stops answering cannot hold a request forever. The CRT measures it
                    // in whole seconds, 2 at least (it refuses less): the read timeout is rounded up to that
                    .connectionHealthConfiguration(health -> health.minimumThroughputInBps(1L)
                            .minimumThroughputTimeout(crtThroughputTimeout(settings.readTimeout())));
        }
        return NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(eventLoops)
                .maxConcurrency(settings.maxConnections())
                .connectionAcquisitionTimeout(settings.connectionAcquireTimeout())
                .connectionTimeout(settings.connectionTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout());
    }

    /** The CRT's minimum-throughput interval for a read timeout: whole seconds, rounded up, 2 s at least. */
    static java.time.Duration crtThroughputTimeout(java.time.Duration readTimeout) {
        long seconds = readTimeout.getSeconds() + (readTimeout.getNano() > 0 ? 1 : 0);
        return java.time.Duration.ofSeconds(Math.max(2, seconds));
    }
}
