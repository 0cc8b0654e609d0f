package io.reactives3.core;

import io.reactives3.core.spi.ClientVariants;
import io.reactives3.core.testing.TargetClients;
import static io.reactives3.core.TestData.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.Faults;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.crt.CrtResource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** How clients are built: profiles, overrides, HTTP transports, pools, retries, wrapping, rebuilding. */
class ClientConstructionTest {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    @Test
    void profiles_setPathStyleAndChecksumsTogether_andBuilderOverridesWin() {
        try (ReactiveS3Client ceph = ReactiveS3Client.builder().profile(StoreProfile.CEPH).endpoint(NOWHERE)
                .credentials("a", "b").build();
             ReactiveS3Client aws = ReactiveS3Client.builder().profile(StoreProfile.AWS).region(Region.EU_WEST_1)
                     .credentials("a", "b").build();
             ReactiveS3Client overridden = ReactiveS3Client.builder().profile(StoreProfile.CEPH).endpoint(NOWHERE)
                     .credentials("a", "b").pathStyle(false).checksumMode(ChecksumPolicy.WHEN_SUPPORTED)
                     .httpTransport(HttpTransport.CRT).maxConnections(3).maxAttempts(1)
                     .apiCallTimeout(Duration.ofSeconds(7)).build()) {
            assertThat(ceph.settings().pathStyle()).isTrue();
            assertThat(ceph.settings().checksumMode()).isEqualTo(ChecksumPolicy.WHEN_REQUIRED);
            assertThat(ceph.settings().httpTransport()).isEqualTo(HttpTransport.NETTY);
            assertThat(ceph.settings().maxConnections()).isEqualTo(ReactiveS3ClientBuilder.DEFAULT_MAX_CONNECTIONS);
            assertThat(aws.settings().pathStyle()).isFalse();
            assertThat(aws.settings().checksumMode()).isEqualTo(ChecksumPolicy.WHEN_SUPPORTED);
            assertThat(aws.settings().endpoint()).isNull();
            assertThat(aws.settings().region()).isEqualTo(Region.EU_WEST_1);
            ClientSettings o = overridden.settings();
            assertThat(List.of(o.pathStyle(), o.checksumMode(), o.httpTransport(), o.maxConnections(),
                    o.maxAttempts(), o.apiCallTimeout()))
                    .containsExactly(false, ChecksumPolicy.WHEN_SUPPORTED, HttpTransport.CRT, 3, 1,
                            Duration.ofSeconds(7));
        }
        try (ReactiveS3Client generic = ReactiveS3Client.builder().endpoint(NOWHERE).credentials("a", "b")
                .build()) {
            assertThat(generic.settings().profile()).isEqualTo(StoreProfile.GENERIC);
        }
    }

    @Test
    void badSettings_failAtTheBuilderWithTheSettingNamed() {
        ReactiveS3ClientBuilder builder = ReactiveS3Client.builder();
        assertThatThrownBy(() -> builder.maxConnections(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> builder.connectionTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("connectionTimeout");
        assertThatThrownBy(() -> builder.maxAttempts(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> builder.profile(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("profile");
    }

    /** Both HTTP clients, with a pool of one connection: 20 concurrent calls queue for it and all complete. */
    @S3Test
    void bothHttpTransports_roundTrip_throughAPoolOfOneConnection(S3Target target, TestBucket bucket) {
        for (HttpTransport transport : HttpTransport.values()) {
            try (ReactiveS3Client client = TargetClients.newClient(target,
                    b -> b.httpTransport(transport).maxConnections(1))) {
                String key = "via-" + transport;
                client.putObject(bucket.name(), key, UploadBody.ofString("sent over " + transport)).block(TIMEOUT);
                List<ObjectHead> heads = Flux.range(0, 20)
                        .flatMap(i -> client.headObject(bucket.name(), key), 20)
                        .collectList().block(TIMEOUT);
                assertThat(heads).hasSize(20).allSatisfy(h -> assertThat(h.contentLength())
                        .isEqualTo(("sent over " + transport).length()));
                assertThat(new String(client.getObject(bucket.name(), key).block(TIMEOUT).content()))
                        .isEqualTo("sent over " + transport);
            }
        }
    }

    @S3Test(requires = Capability.FAULT_INJECTION)
    void maxAttempts_retriesServerErrors_uptoTheLimit(S3Target target, TestBucket bucket) {
        bucket.put("k", "v");
        Faults faults = target.faults();
        try (ReactiveS3Client patient = TargetClients.newClient(target, b -> b.maxAttempts(3));
             ReactiveS3Client impatient = TargetClients.newClient(target, b -> b.maxAttempts(1))) {
            Faults.Injected twice = faults.add(Fault.onOperation("HeadObject").respond(500, "InternalError").times(2));
            assertThat(patient.headObject(bucket.name(), "k").block(TIMEOUT).contentLength()).isEqualTo(1);
            assertThat(twice.applied()).isEqualTo(2);
            faults.clear();
            faults.add(Fault.onOperation("HeadObject").respond(500, "InternalError").times(1));
            assertThatThrownBy(() -> impatient.headObject(bucket.name(), "k").block(TIMEOUT))
                    .isInstanceOfSatisfying(S3ServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.operation()).isEqualTo("HeadObject");
                    });
        }
    }

    @S3Test(requires = Capability.FAULT_INJECTION)
    void apiCallTimeout_failsASlowCall_asATransportError(S3Target target, TestBucket bucket) {
        bucket.put("k", "v");
        target.faults().add(Fault.onOperation("HeadObject").delay(Duration.ofSeconds(3)).times(1));
        try (ReactiveS3Client client = TargetClients.newClient(target,
                b -> b.apiCallTimeout(Duration.ofMillis(500)).maxAttempts(1))) {
            assertThatThrownBy(() -> client.headObject(bucket.name(), "k").block(TIMEOUT))
                    .isInstanceOf(S3TransportException.class).hasMessageContaining("HeadObject");
        }
    }

    @S3Test
    void sdkCustomizer_isApplied_andCarriedToAClientRebuiltOnAnotherTransport(S3Target target, TestBucket bucket) {
        AtomicInteger calls = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.incrementAndGet();
            }
        };
        bucket.put("k", "v");
        try (ReactiveS3Client netty = TargetClients.newClient(target,
                b -> b.sdkCustomizer(sdk -> sdk.overrideConfiguration(o -> o.addExecutionInterceptor(counter))))) {
            netty.headObject(bucket.name(), "k").block(TIMEOUT);
            assertThat(calls).hasValue(1);
            try (ReactiveS3Client crt = ClientVariants.overHttpTransport(netty, HttpTransport.CRT).orElseThrow()) {
                assertThat(crt.settings().httpTransport()).isEqualTo(HttpTransport.CRT);
                assertThat(crt.settings()).usingRecursiveComparison().ignoringFields("httpTransport")
                        .isEqualTo(netty.settings());
                assertThat(crt.headObject(bucket.name(), "k").block(TIMEOUT).contentLength()).isEqualTo(1);
                assertThat(calls).hasValue(2);
            }
            // the rebuilt client was closed; the original still works
            assertThat(netty.headObject(bucket.name(), "k").block(TIMEOUT).contentLength()).isEqualTo(1);
        }
    }

    @S3Test
    void create_wrapsACallersSdkClient_leavesItOpen_andCannotRebuildIt(S3Target target, TestBucket bucket) {
        bucket.put("k", "v");
        try (S3AsyncClient sdk = S3AsyncClient.builder().endpointOverride(target.endpoint()).region(target.region())
                .credentialsProvider(target.credentialsProvider()).forcePathStyle(target.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build()) {
            ReactiveS3Client wrapped = ReactiveS3Client.create(sdk, TargetClients.profileOf(target));
            assertThat(wrapped.sdkClient()).isSameAs(sdk);
            assertThat(wrapped.headObject(bucket.name(), "k").block(TIMEOUT).contentLength()).isEqualTo(1);
            assertThat(ClientVariants.overHttpTransport(wrapped, HttpTransport.CRT)).isEmpty();
            assertThatThrownBy(() -> ClientVariants.overHttpTransport(wrapped, null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("transport");
            wrapped.close();
            // the caller's client survives the wrapper's close
            assertThat(sdk.headObject(b -> b.bucket(bucket.name()).key("k")).join().contentLength()).isEqualTo(1);
        }
    }

    /**
     * Closing a client releases the HTTP client it built: the Netty event-loop threads end, and the CRT HTTP client's
     * native resources (bootstrap, connection manager, TLS context, socket options) are freed; a later call is refused
     * as the caller's mistake, not blamed on the store. Before, the SDK was
     * given the HTTP client as an instance, which it never closes: every closed client left them until exit.
     */
    @S3Test
    void close_releasesTheHttpClientItBuilt_threadsAndNativeResources(S3Target target, TestBucket bucket) {
        bucket.put("k", "v");
        assertThat(System.getProperty("aws.crt.debugnative")).as("the CRT tracks native resources (pom)")
                .isEqualTo("true");
        for (HttpTransport transport : HttpTransport.values()) {
            Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
            Set<Long> nativeBefore = crtResources().keySet();
            ReactiveS3Client client = TargetClients.newClient(target, b -> b.httpTransport(transport));
            assertThat(client.headObject(bucket.name(), "k").block(TIMEOUT).contentLength()).isEqualTo(1);
            List<Thread> eventLoops = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !threadsBefore.contains(t) && t.getName().startsWith("aws-java-sdk-NettyEventLoop"))
                    .toList();
            Map<Long, String> ownNative = new HashMap<>(crtResources());
            ownNative.keySet().removeAll(nativeBefore);
            // the CRT's process-wide event loops and host resolver, shared by every CRT client, stay
            ownNative.values().removeIf(name -> name.endsWith(".EventLoopGroup") || name.endsWith(".HostResolver"));
            if (transport == HttpTransport.NETTY) {
                assertThat(eventLoops).as("the Netty client's event loops").isNotEmpty();
            } else {
                assertThat(ownNative.values()).as("the CRT HTTP client's native resources")
                        .anyMatch(name -> name.endsWith(".ClientBootstrap"));
            }

            client.close();
            client.close(); // a second close does nothing
            assertThatThrownBy(() -> client.headObject(bucket.name(), "k").block(TIMEOUT))
                    .as(transport + ": a call after close").isInstanceOf(IllegalStateException.class)
                    .hasMessage("the client is closed");

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((eventLoops.stream().anyMatch(Thread::isAlive)
                    || crtResources().keySet().stream().anyMatch(ownNative::containsKey))
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            assertThat(eventLoops).as(transport + ": event-loop threads after close").noneMatch(Thread::isAlive);
            Map<Long, String> left = new HashMap<>(crtResources());
            left.keySet().retainAll(ownNative.keySet());
            assertThat(left.values()).as(transport + ": native resources after close").isEmpty();
        }
    }

    /**
     * Closing does not make the caller wait, over both HTTP clients, even after a refused request (403). The SDK's
     * close of its Netty client blocks until its channel pools have closed; in a test JVM, where BlockHound stopped that
     * close half-way until {@code SdkDigestPoolIntegration} allowed it, it blocked for the SDK's 5 s timeout.
     */
    @S3Test(only = StoreKind.S3PROXY)
    void close_returnsAtOnce_evenAfterARefusedRequest(S3Target target, TestBucket bucket) {
        for (HttpTransport transport : HttpTransport.values()) {
            ReactiveS3Client client = TargetClients.newClient(target,
                    b -> b.httpTransport(transport).credentials(target.accessKey(), "wrong-" + target.secretKey()));
            assertThatThrownBy(() -> client.listObjectsPages(bucket.name(), ListObjectsOptions.defaults())
                    .blockFirst(TIMEOUT)).isInstanceOf(S3ServiceException.class);
            assertTimeoutPreemptively(Duration.ofSeconds(2), client::close, transport + ": close");
        }
    }

    /** The CRT's live native resources by handle (tracked because {@code aws.crt.debugnative} is set). */
    private static Map<Long, String> crtResources() {
        Map<Long, String> resources = new ConcurrentHashMap<>();
        CrtResource.collectNativeResource(r -> resources.put(r.nativeHandle, r.canonicalName));
        return resources;
    }
}
