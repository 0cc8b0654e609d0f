package io.reactives3.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.UploadBody;
import io.reactives3.resource.ReactiveS3;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;

/** The auto-configured beans against a real server (the testkit's embedded S3Proxy), over HTTP. */
class StarterIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReactiveS3AutoConfiguration.class,
                    ReactiveS3HealthAutoConfiguration.class))
            .withPropertyValues(S3ProxyTarget.properties());

    @Test
    void autoConfiguredBeans_putAndGetThroughEachApi() {
        String bucket = S3ProxyTarget.newBucket();
        runner.run(context -> {
            ReactiveS3Client client = context.getBean(ReactiveS3Client.class);
            client.putObject(bucket, "a.txt", UploadBody.ofString("through the client")).block(WAIT);
            assertThat(client.getObject(bucket, "a.txt").block(WAIT).asUtf8String()).isEqualTo("through the client");

            S3TransferEngine engine = context.getBean(S3TransferEngine.class);
            byte[] bytes = "through the engine".getBytes(StandardCharsets.UTF_8);
            UploadResult uploaded = engine.upload(Flux.just(ByteBuffer.wrap(bytes)), bucket, "b.txt",
                    PutObjectOptions.defaults()).result().block(WAIT);
            assertThat(uploaded.size()).isEqualTo(bytes.length);

            ReactiveS3 s3 = context.getBean(ReactiveS3.class);
            assertThat(s3.object(bucket, "b.txt").get().block(WAIT).asUtf8String()).isEqualTo("through the engine");
            assertThat(s3.bucket(bucket).objects().all().map(o -> o.key()).collectList().block(WAIT))
                    .containsExactly("a.txt", "b.txt");
        });
    }

    @Test
    void health_upForReachableStore_downForMissingBucketOrDeadEndpoint() {
        String bucket = S3ProxyTarget.newBucket();
        runner.run(context -> {
            Health health = context.getBean(ReactiveS3HealthIndicator.class).health().block(WAIT);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("endpoint", S3ProxyTarget.get().endpoint().toString())
                    .containsKey("buckets");
        });
        runner.withPropertyValues("reactive-s3.health.bucket=" + bucket).run(context -> {
            Health health = context.getBean(ReactiveS3HealthIndicator.class).health().block(WAIT);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("bucket", bucket);
        });
        runner.withPropertyValues("reactive-s3.health.bucket=no-such-bucket-here").run(context -> {
            Health health = context.getBean(ReactiveS3HealthIndicator.class).health().block(WAIT);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        });
        runner.withPropertyValues("reactive-s3.endpoint=http://127.0.0.1:9", "reactive-s3.max-attempts=1",
                "reactive-s3.health.timeout=2s").run(context -> {
            Health health = context.getBean(ReactiveS3HealthIndicator.class).health().block(WAIT);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        });
    }
}
