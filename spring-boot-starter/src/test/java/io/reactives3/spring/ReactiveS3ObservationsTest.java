package io.reactives3.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.reactives3.core.OperationDecorator;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.UploadBody;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.spring.observation.DefaultS3OperationObservationConvention;
import io.reactives3.spring.observation.ReactiveS3Observations;
import io.reactives3.spring.observation.S3OperationObservationContext;
import io.reactives3.spring.observation.DefaultS3TransferObservationConvention;
import io.reactives3.spring.observation.S3OperationObservationConvention;
import io.reactives3.spring.observation.S3TransferObservationContext;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.Faults;
import io.reactives3.transfer.S3TransferEngine;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One Micrometer observation per S3 request of the auto-configured client, against S3Proxy: name, key values, the
 * error of a failed request, a cancel, and the parent taken from the caller's Reactor context.
 */
class ReactiveS3ObservationsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NAME = DefaultS3OperationObservationConvention.NAME;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReactiveS3ObservationAutoConfiguration.class,
                    ReactiveS3AutoConfiguration.class))
            .withPropertyValues(S3ProxyTarget.properties())
            .withBean(TestObservationRegistry.class, TestObservationRegistry::create);

    /** The contexts of the S3 observations stopped in {@code registry} from now on, in the order they stopped. */
    private static List<S3OperationObservationContext> stopped(TestObservationRegistry registry) {
        List<S3OperationObservationContext> stopped = new CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add((S3OperationObservationContext) context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof S3OperationObservationContext;
            }
        });
        return stopped;
    }

    private static String low(Observation.ContextView context, String key) {
        KeyValue value = context.getLowCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    private static String high(Observation.ContextView context, String key) {
        KeyValue value = context.getHighCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    @Test
    void eachRequest_oneObservation_namedAndTagged_errorOutcomeOnNoSuchKey() {
        String bucket = S3ProxyTarget.newBucket();
        runner.run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            ReactiveS3Client client = context.getBean(ReactiveS3Client.class);
            List<S3OperationObservationContext> all = stopped(registry);
            assertThat(client.settings().operationDecorators())
                    .containsExactly(context.getBean(ReactiveS3Observations.class));

            client.putObject(bucket, "dir/a.txt", UploadBody.ofString("observed")).block(WAIT);
            assertThat(client.getObject(bucket, "dir/a.txt").block(WAIT).asUtf8String()).isEqualTo("observed");
            assertThatThrownBy(() -> client.getObject(bucket, "dir/missing").block(WAIT))
                    .isInstanceOf(ObjectNotFoundException.class);
            assertThat(client.listObjects(bucket).collectList().block(WAIT)).hasSize(1);

            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo(NAME, 4)
                    .forAllObservationsWithNameEqualTo(NAME, o -> o.doesNotHaveParentObservation());
            assertThat(all).extracting(c -> c.operation().name())
                    .containsExactly("PutObject", "GetObject", "GetObject", "ListObjectsV2");

            S3OperationObservationContext put = all.get(0);
            assertThat(put.getName()).isEqualTo(NAME);
            assertThat(put.getContextualName()).isEqualTo("S3.PutObject");
            assertThat(low(put, "operation")).isEqualTo("PutObject");
            assertThat(low(put, "outcome")).isEqualTo("SUCCESS");
            assertThat(low(put, "exception")).isEqualTo("none");
            assertThat(low(put, "error.code")).isEqualTo("none");
            assertThat(high(put, "bucket")).isEqualTo(bucket);
            assertThat(high(put, "key")).isEqualTo("dir/a.txt");
            assertThat(put.getError()).isNull();
            // bucket and key never become low-cardinality (metric) tags
            assertThat(put.getLowCardinalityKeyValues().stream().map(KeyValue::getKey))
                    .containsExactlyInAnyOrder("operation", "outcome", "exception", "error.code");

            S3OperationObservationContext missing = all.get(2);
            assertThat(missing.getError()).isInstanceOf(ObjectNotFoundException.class);
            assertThat(missing.outcome()).isEqualTo(S3OperationObservationContext.Outcome.CLIENT_ERROR);
            assertThat(low(missing, "outcome")).isEqualTo("CLIENT_ERROR");
            assertThat(low(missing, "exception")).isEqualTo("ObjectNotFoundException");
            assertThat(low(missing, "error.code")).isEqualTo("NoSuchKey");
            assertThat(high(missing, "key")).isEqualTo("dir/missing");

            S3OperationObservationContext list = all.get(3);
            assertThat(high(list, "bucket")).isEqualTo(bucket);
            assertThat(list.getHighCardinalityKeyValue("key")).isNull();
        });
    }

    @Test
    void parentInTheSubscribersContext_isEachRequestsParent_transfersNestTheirRequests() {
        String bucket = S3ProxyTarget.newBucket();
        runner.withPropertyValues("reactive-s3.transfer.part-size=5MB", "reactive-s3.transfer.multipart-threshold=5MB")
                .run(context -> {
                    TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
                    ReactiveS3Client client = context.getBean(ReactiveS3Client.class);
                    S3TransferEngine engine = context.getBean(S3TransferEngine.class);
                    List<S3OperationObservationContext> all = stopped(registry);
                    List<S3TransferObservationContext> transfers = new CopyOnWriteArrayList<>();
                    registry.observationConfig().observationHandler(new ObservationHandler<>() {
                        @Override
                        public void onStop(Observation.Context c) {
                            transfers.add((S3TransferObservationContext) c);
                        }

                        @Override
                        public boolean supportsContext(Observation.Context c) {
                            return c instanceof S3TransferObservationContext;
                        }
                    });

                    Observation request = Observation.start("http.server.requests", registry);
                    client.putObject(bucket, "p", UploadBody.ofString("child"))
                            .then(client.headObject(bucket, "p"))
                            .contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, request))
                            .block(WAIT);
                    // a transfer: its own observation under the caller's, the parent of the requests it sends
                    byte[] part = new byte[5 * 1024 * 1024];
                    engine.upload(Flux.range(0, 2).map(i -> ByteBuffer.wrap(part)), bucket, "big",
                                    PutObjectOptions.defaults()).result()
                            .contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, request))
                            .block(WAIT);
                    client.headBucket(bucket).block(WAIT);    // no parent in this one's context
                    assertThatThrownBy(() -> engine.upload(Flux.just(ByteBuffer.wrap(new byte[10])), "no-such-"
                            + bucket, "k", PutObjectOptions.defaults()).result().block(WAIT))
                            .isInstanceOf(BucketNotFoundException.class);
                    request.stop();

                    assertThat(all).extracting(c -> c.operation().name()).startsWith("PutObject",
                            "HeadObject", "CreateMultipartUpload", "UploadPart", "UploadPart",
                            "CompleteMultipartUpload", "HeadBucket");
                    assertThat(all.subList(0, 2)).allSatisfy(c ->
                            assertThat(c.getParentObservation().getContextView()).isSameAs(request.getContext()));
                    assertThat(transfers).hasSize(2);
                    S3TransferObservationContext upload = transfers.get(0);
                    assertThat(upload.getName()).isEqualTo(DefaultS3TransferObservationConvention.NAME);
                    assertThat(upload.getContextualName()).isEqualTo("S3 upload");
                    assertThat(low(upload, "kind")).isEqualTo("upload");
                    assertThat(low(upload, "outcome")).isEqualTo("SUCCESS");
                    assertThat(high(upload, "bucket")).isEqualTo(bucket);
                    assertThat(high(upload, "key")).isEqualTo("big");
                    assertThat(upload.getParentObservation().getContextView()).isSameAs(request.getContext());
                    assertThat(all.subList(2, 6)).allSatisfy(c ->
                            assertThat(c.getParentObservation().getContextView()).isSameAs(upload));
                    assertThat(all.get(6).getParentObservation()).isNull();

                    S3TransferObservationContext failed = transfers.get(1);
                    assertThat(low(failed, "outcome")).isEqualTo("ERROR");
                    assertThat(low(failed, "exception")).isEqualTo("BucketNotFoundException");
                    assertThat(failed.getParentObservation()).isNull();
                });
    }

    @Test
    void cancelledRequest_stoppedWithCancelledOutcome() {
        String bucket = S3ProxyTarget.newBucket();
        Faults faults = S3ProxyTarget.get().faults();
        runner.run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            ReactiveS3Client client = context.getBean(ReactiveS3Client.class);
            List<S3OperationObservationContext> all = stopped(registry);
            try (Faults.Injected ignored = faults.add(Fault.onOperation("HeadObject").hang())) {
                assertThat(client.headObject(bucket, "slow").timeout(Duration.ofMillis(300), Mono.empty())
                        .block(WAIT)).isNull();
            }
            TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1);
            assertThat(all).singleElement().satisfies(c -> {
                assertThat(c.operation().name()).isEqualTo("HeadObject");
                assertThat(low(c, "outcome")).isEqualTo("CANCELLED");
                assertThat(low(c, "exception")).isEqualTo("none");
                assertThat(c.getError()).isNull();
            });
        });
    }

    @Test
    void conventionBean_namesTheObservations_ownDecoratorBeanReplacesTheStarters() {
        S3OperationObservationConvention custom = new DefaultS3OperationObservationConvention() {
            @Override
            public String getName() {
                return "storage.call";
            }
        };
        String bucket = S3ProxyTarget.newBucket();
        runner.withBean(S3OperationObservationConvention.class, () -> custom).run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            context.getBean(ReactiveS3Client.class).headBucket(bucket).block(WAIT);
            TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsWithNameEqualTo("storage.call", 1)
                    .hasNumberOfObservationsWithNameEqualTo(NAME, 0);
        });
        ReactiveS3Observations own = new ReactiveS3Observations(ObservationRegistry.NOOP);
        runner.withBean(ReactiveS3Observations.class, () -> own).run(context -> {
            assertThat(context).getBean(ReactiveS3Observations.class).isSameAs(own);
            assertThat(context.getBean(ReactiveS3Client.class).settings().operationDecorators())
                    .containsExactly((OperationDecorator) own);
        });
    }

    @Test
    void noRegistryOrDisabled_noObservations() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReactiveS3ObservationAutoConfiguration.class,
                        ReactiveS3AutoConfiguration.class))
                .withPropertyValues("reactive-s3.endpoint=http://127.0.0.1:9")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveS3Observations.class);
                    assertThat(context.getBean(ReactiveS3Client.class).settings().operationDecorators()).isEmpty();
                });
        runner.withPropertyValues("reactive-s3.observations.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ReactiveS3Observations.class));
    }
}
