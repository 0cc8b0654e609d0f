package io.reactives3.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.ChecksumPolicy;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.resource.ReactiveS3;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferSettings;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The auto-configuration's beans and conditions, without a server (no request is sent). */
class ReactiveS3AutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReactiveS3AutoConfiguration.class,
                    ReactiveS3HealthAutoConfiguration.class));

    @Test
    void properties_configureClientAndEngine() {
        runner.withPropertyValues(
                        "reactive-s3.endpoint=http://127.0.0.1:9",
                        "reactive-s3.region=eu-west-3",
                        "reactive-s3.profile=ceph",
                        "reactive-s3.checksum-mode=when-supported",
                        "reactive-s3.max-connections=7",
                        "reactive-s3.read-timeout=3s",
                        "reactive-s3.api-call-timeout=1m",
                        "reactive-s3.max-attempts=5",
                        "reactive-s3.credentials.access-key-id=AK",
                        "reactive-s3.credentials.secret-access-key=SK",
                        "reactive-s3.transfer.part-size=6MB",
                        "reactive-s3.transfer.multipart-threshold=12MB",
                        "reactive-s3.transfer.concurrency=3",
                        "reactive-s3.transfer.memory-budget=64MB",
                        "reactive-s3.transfer.integrity=none")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ReactiveS3Client.class)
                            .hasSingleBean(S3TransferEngine.class).hasSingleBean(ReactiveS3.class);
                    var settings = context.getBean(ReactiveS3Client.class).settings();
                    assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9"));
                    assertThat(settings.region()).isEqualTo(Region.EU_WEST_3);
                    assertThat(settings.profile()).isEqualTo(StoreProfile.CEPH);
                    assertThat(settings.pathStyle()).isTrue();
                    assertThat(settings.checksumMode()).isEqualTo(ChecksumPolicy.WHEN_SUPPORTED);
                    assertThat(settings.maxConnections()).isEqualTo(7);
                    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(settings.apiCallTimeout()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(settings.maxAttempts()).isEqualTo(5);
                    assertThat(settings.credentialsProvider()).isInstanceOf(StaticCredentialsProvider.class);
                    assertThat(settings.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo("AK");

                    TransferSettings transfer = context.getBean(S3TransferEngine.class).settings();
                    assertThat(transfer.partSize()).isEqualTo(6L * 1024 * 1024);
                    assertThat(transfer.multipartThreshold()).isEqualTo(12L * 1024 * 1024);
                    assertThat(transfer.concurrency()).isEqualTo(3);
                    assertThat(transfer.memoryBudget().capacity()).isEqualTo(64L * 1024 * 1024);
                    assertThat(transfer.integrity()).isEqualTo(IntegrityMode.NONE);
                    assertThat(context.getBean(ReactiveS3.class).client())
                            .isSameAs(context.getBean(ReactiveS3Client.class));
                });
    }

    @Test
    void noProperties_keepLibraryDefaults() {
        runner.withPropertyValues("reactive-s3.endpoint=http://127.0.0.1:9").run(context -> {
            var settings = context.getBean(ReactiveS3Client.class).settings();
            assertThat(settings.profile()).isEqualTo(StoreProfile.GENERIC);
            assertThat(settings.maxConnections()).isEqualTo(64);
            assertThat(settings.apiCallTimeout()).isNull();
            assertThat(context.getBean(S3TransferEngine.class).settings().partSize())
                    .isEqualTo(TransferSettings.defaults().partSize());
        });
    }

    @Test
    void credentialsProviderBean_winsOverProperties() {
        runner.withPropertyValues("reactive-s3.endpoint=http://127.0.0.1:9",
                        "reactive-s3.credentials.access-key-id=AK", "reactive-s3.credentials.secret-access-key=SK")
                .withBean(AwsCredentialsProvider.class, AnonymousCredentialsProvider::create)
                .run(context -> assertThat(context.getBean(ReactiveS3Client.class).settings().credentialsProvider())
                        .isSameAs(context.getBean(AwsCredentialsProvider.class)));
    }

    @Test
    void customizers_runInOrderAfterProperties() {
        AtomicInteger sdkCalls = new AtomicInteger();
        runner.withPropertyValues("reactive-s3.endpoint=http://127.0.0.1:9", "reactive-s3.max-connections=7")
                .withBean(ReactiveS3ClientCustomizer.class, () -> b -> b.maxConnections(9))
                .withBean(S3AsyncClientCustomizer.class, () -> b -> sdkCalls.incrementAndGet())
                .run(context -> {
                    assertThat(context.getBean(ReactiveS3Client.class).settings().maxConnections()).isEqualTo(9);
                    // once for the client, once more for the engine's sibling client over the CRT HTTP client
                    assertThat(sdkCalls.get()).isBetween(1, 2);
                });
    }

    @Test
    void userBeans_replaceAutoConfiguredOnes() {
        runner.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(ReactiveS3Client.class);
            ReactiveS3Client client = context.getBean(ReactiveS3Client.class);
            assertThat(client.settings().maxConnections()).isEqualTo(3);
            assertThat(context.getBean(ReactiveS3.class).client()).isSameAs(client);
        });
    }

    @Test
    void contextClose_closesClient() {
        var holder = new ReactiveS3Client[1];
        runner.withPropertyValues("reactive-s3.endpoint=http://127.0.0.1:9",
                        "reactive-s3.credentials.access-key-id=AK", "reactive-s3.credentials.secret-access-key=SK")
                .run(context -> holder[0] = context.getBean(ReactiveS3Client.class));
        // a closed client refuses new calls before connecting (an open one would report the refused connection to
        // port 9)
        assertThatThrownBy(() -> holder[0].listBucketsPage().block(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class).hasMessage("the client is closed");
    }

    @Test
    void badProperty_failsStartupNamingTheSetting() {
        runner.withPropertyValues("reactive-s3.endpoint=http://127.0.0.1:9", "reactive-s3.max-connections=0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("maxConnections must be within 1..10000"));
    }

    @Test
    void healthIndicator_presentWithActuator_absentWhenDisabledOrMissing() {
        ApplicationContextRunner withEndpoint = runner.withPropertyValues("reactive-s3.endpoint=http://127.0.0.1:9");
        withEndpoint.run(context -> assertThat(context).hasSingleBean(ReactiveS3HealthIndicator.class)
                .hasBean("reactiveS3HealthIndicator"));
        withEndpoint.withPropertyValues("management.health.reactive-s3.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ReactiveS3HealthIndicator.class));
        withEndpoint.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(ReactiveS3HealthIndicator.class).hasSingleBean(ReactiveS3Client.class));
    }

    @Test
    void properties_toStringHidesSecret() {
        ReactiveS3Properties.Credentials credentials = new ReactiveS3Properties.Credentials();
        credentials.setAccessKeyId("AK");
        credentials.setSecretAccessKey("very-secret");
        assertThat(credentials.toString()).contains("AK").doesNotContain("very-secret");
    }

    @Test
    void configurationMetadata_describesEveryGroup() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata generated by spring-boot-configuration-processor").isNotNull();
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).contains("\"reactive-s3.endpoint\"", "\"reactive-s3.credentials.secret-access-key\"",
                    "\"reactive-s3.transfer.part-size\"", "\"reactive-s3.health.timeout\"",
                    "\"reactive-s3.metrics.enabled\"", "Connection pool size");
        }
    }

    @Test
    void readmeProperties_bindAsDocumented() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Use it from Spring"));
        String block = section.substring(section.indexOf("```properties\n") + 14, section.indexOf("```",
                section.indexOf("```properties\n") + 14));
        String[] lines = block.lines().filter(l -> !l.isBlank()).map(l -> l.replace("=...", "=placeholder"))
                .toArray(String[]::new);
        assertThat(lines).hasSizeGreaterThan(3);
        runner.withPropertyValues(lines).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ReactiveS3Client.class).settings().profile()).isEqualTo(StoreProfile.MINIO);
            assertThat(context.getBean(S3TransferEngine.class).settings().memoryBudget().capacity())
                    .isEqualTo(64L * 1024 * 1024);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        ReactiveS3Client myClient() {
            return ReactiveS3Client.builder().endpoint(URI.create("http://127.0.0.1:9")).maxConnections(3).build();
        }
    }
}
