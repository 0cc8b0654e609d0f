package io.reactives3.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.UploadBody;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.Faults;
import io.reactives3.transfer.S3TransferEngine;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;

/** The meters' values after real calls to S3Proxy through the auto-configured beans. */
class ReactiveS3MetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReactiveS3MetricsAutoConfiguration.class,
                    ReactiveS3AutoConfiguration.class))
            .withPropertyValues(S3ProxyTarget.properties())
            .withPropertyValues("reactive-s3.transfer.memory-budget=64MB")
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    private static RequiredSearch requests(MeterRegistry registry, String operation, String outcome) {
        return registry.get(ReactiveS3Metrics.REQUESTS).tag("operation", operation).tag("outcome", outcome);
    }

    @Test
    void calls_countedByOperationOutcomeAndBytes() {
        String bucket = S3ProxyTarget.newBucket();
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ReactiveS3Client client = context.getBean(ReactiveS3Client.class);
            byte[] a = new byte[1000];
            byte[] b = new byte[2345];
            client.putObject(bucket, "a", UploadBody.ofBytes(a)).block(WAIT);
            client.putObject(bucket, "b", UploadBody.ofBytes(b)).block(WAIT);
            client.getObject(bucket, "a").block(WAIT);
            client.getObject(bucket, "b").block(WAIT);
            assertThatThrownBy(() -> client.headObject(bucket, "missing").block(WAIT))
                    .isInstanceOf(ObjectNotFoundException.class);

            assertThat(requests(registry, "PutObject", "SUCCESS").tag("status", "200").timer().count()).isEqualTo(2);
            assertThat(requests(registry, "GetObject", "SUCCESS").timer().count()).isEqualTo(2);
            assertThat(requests(registry, "HeadObject", "CLIENT_ERROR").tag("status", "404").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get(ReactiveS3Metrics.REQUEST_BYTES).tag("operation", "PutObject").counter()
                    .count()).isEqualTo(a.length + b.length);
            assertThat(registry.get(ReactiveS3Metrics.RESPONSE_BYTES).tag("operation", "GetObject").counter()
                    .count()).isEqualTo(a.length + b.length);
            assertThat(registry.get(ReactiveS3Metrics.CONNECTIONS_LEASED).gauges()).isNotEmpty();
            assertThat(registry.find(ReactiveS3Metrics.RETRIES).counters()).isEmpty();
        });
    }

    @Test
    void retries_countedWhenTheStoreFailsAnAttempt() {
        String bucket = S3ProxyTarget.newBucket();
        Faults faults = S3ProxyTarget.get().faults();
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ReactiveS3Client client = context.getBean(ReactiveS3Client.class);
            client.putObject(bucket, "r", UploadBody.ofString("retried")).block(WAIT);
            try (Faults.Injected fault = faults.add(Fault.onOperation("GetObject").internalError().times(1))) {
                assertThat(client.getObject(bucket, "r").block(WAIT).asUtf8String()).isEqualTo("retried");
                assertThat(fault.applied()).isEqualTo(1);
            }
            assertThat(registry.get(ReactiveS3Metrics.RETRIES).tag("operation", "GetObject").counter().count())
                    .isEqualTo(1);
            assertThat(requests(registry, "GetObject", "SUCCESS").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void transfers_multipartGaugeAndMemoryBudgetGauges() {
        String bucket = S3ProxyTarget.newBucket();
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            S3TransferEngine engine = context.getBean(S3TransferEngine.class);
            assertThat(registry.get(ReactiveS3Metrics.MEMORY_CAPACITY).gauge().value()).isEqualTo(64.0 * 1024 * 1024);
            assertThat(registry.get(ReactiveS3Metrics.MEMORY_IN_USE).gauge().value()).isZero();
            assertThat(registry.get(ReactiveS3Metrics.MEMORY_WAITING).gauge().value()).isZero();

            byte[] bytes = new byte[17 * 1024 * 1024];
            ThreadLocalRandom.current().nextBytes(bytes);
            double[] inUseDuringUpload = new double[1];
            double[] openDuringUpload = new double[1];
            double[] activeDuringUpload = new double[1];
            engine.upload(Flux.range(0, 17).map(i -> ByteBuffer.wrap(bytes, i * 1024 * 1024, 1024 * 1024)),
                            bucket, "big", PutObjectOptions.defaults())
                    .progress()
                    .doOnNext(p -> {
                        inUseDuringUpload[0] = Math.max(inUseDuringUpload[0],
                                registry.get(ReactiveS3Metrics.MEMORY_IN_USE).gauge().value());
                        openDuringUpload[0] = Math.max(openDuringUpload[0],
                                registry.get(ReactiveS3Metrics.MULTIPART_UPLOADS_OPEN).gauge().value());
                        activeDuringUpload[0] = Math.max(activeDuringUpload[0], registry
                                .get(ReactiveS3Metrics.TRANSFERS_ACTIVE).tag("kind", "upload").gauge().value());
                    })
                    .blockLast(WAIT);
            assertThat(inUseDuringUpload[0]).isPositive();
            assertThat(openDuringUpload[0]).isEqualTo(1);
            assertThat(registry.get(ReactiveS3Metrics.MULTIPART_UPLOADS_OPEN).gauge().value()).isZero();
            assertThat(registry.get(ReactiveS3Metrics.MEMORY_IN_USE).gauge().value()).isZero();
            assertThat(requests(registry, "UploadPart", "SUCCESS").timer().count()).isEqualTo(3);
            assertThat(activeDuringUpload[0]).isEqualTo(1);
            assertThat(registry.get(ReactiveS3Metrics.TRANSFERS_ACTIVE).tag("kind", "upload").gauge().value()).isZero();
            assertThat(registry.get(ReactiveS3Metrics.TRANSFERS).tag("kind", "upload").tag("outcome", "SUCCESS")
                    .timer().count()).isEqualTo(1);

            // a cancelled transfer is counted as such, and no longer running
            engine.upload(Flux.<ByteBuffer>never(), bucket, "never", PutObjectOptions.defaults()).result()
                    .timeout(Duration.ofMillis(200), reactor.core.publisher.Mono.empty()).block(WAIT);
            assertThat(registry.get(ReactiveS3Metrics.TRANSFERS).tag("kind", "upload").tag("outcome", "CANCELLED")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get(ReactiveS3Metrics.TRANSFERS_ACTIVE).tag("kind", "upload").gauge().value()).isZero();
            assertThat(registry.get(ReactiveS3Metrics.REQUEST_BYTES).tag("operation", "UploadPart").counter()
                    .count()).isEqualTo(bytes.length);

            // a stream download is no longer running once its subscriber has seen the body end
            long read = engine.downloadStream(bucket, "big").flatMapMany(o -> o.body())
                    .map(b -> (long) b.remaining()).reduce(0L, Long::sum).block(WAIT);
            assertThat(read).isEqualTo(bytes.length);
            assertThat(registry.get(ReactiveS3Metrics.TRANSFERS_ACTIVE).tag("kind", "download-stream").gauge()
                    .value()).isZero();
            assertThat(registry.get(ReactiveS3Metrics.TRANSFERS).tag("kind", "download-stream")
                    .tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void noRegistryOrDisabled_noMetricsBean() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReactiveS3MetricsAutoConfiguration.class,
                        ReactiveS3AutoConfiguration.class))
                .withPropertyValues("reactive-s3.endpoint=http://127.0.0.1:9")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveS3Metrics.class));
        runner.withPropertyValues("reactive-s3.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ReactiveS3Metrics.class));
    }
}
