package io.reactives3.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.testkit.internal.ExternalEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad target configuration fails with one clear message; a good external configuration connects. */
class TargetConfigurationTest {

    @Test
    void connect_withoutEndpoint_isUnavailableNotBroken() {
        assertThatThrownBy(() -> S3Targets.connect(Map.of()))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("external is not available here: REACTIVE_S3_ENDPOINT is not set");
    }

    @Test
    void connect_unknownHost_saysSo() {
        assertThatThrownBy(() -> S3Targets.connect(env("http://no-such-host.invalid:9000")))
                .isInstanceOf(TargetStartException.class)
                .hasMessage("REACTIVE_S3_ENDPOINT=http://no-such-host.invalid:9000 is not reachable: "
                        + "unknown host 'no-such-host.invalid'");
    }

    @Test
    void connect_nothingListening_saysWhichHostAndPort() throws IOException {
        int port = freePort();
        assertThatThrownBy(() -> S3Targets.connect(env("http://127.0.0.1:" + port)))
                .isInstanceOf(TargetStartException.class)
                .hasMessageStartingWith("REACTIVE_S3_ENDPOINT=http://127.0.0.1:" + port
                        + " is not reachable: cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void connect_malformedEndpoint_saysWhatIsExpected() {
        assertThatThrownBy(() -> S3Targets.connect(env("127.0.0.1:9000")))
                .isInstanceOf(TargetStartException.class)
                .hasMessageContaining("must be an http or https URL with a host");
    }

    @Test
    void connect_missingCredentials_namesTheVariables() {
        assertThatThrownBy(() -> S3Targets.connect(Map.of(ExternalEndpoint.ENDPOINT, "http://127.0.0.1:9000")))
                .isInstanceOf(TargetStartException.class)
                .hasMessage("REACTIVE_S3_ENDPOINT=http://127.0.0.1:9000 is set but the credentials are missing: set "
                        + "REACTIVE_S3_ACCESS_KEY and REACTIVE_S3_SECRET_KEY (or AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY)");
    }

    @Test
    void connect_unknownCapability_listsTheKnownOnes() {
        Map<String, String> env = env("http://127.0.0.1:9000");
        env.put(ExternalEndpoint.CAPABILITIES, "SIGV4_AUTH,TIME_TRAVEL");
        assertThatThrownBy(() -> S3Targets.connect(env))
                .isInstanceOf(TargetStartException.class)
                .hasMessageStartingWith("REACTIVE_S3_CAPABILITIES names an unknown capability 'TIME_TRAVEL'; known: ALL or SIGV4_AUTH, ACL");
    }

    @Test
    void start_s3ProxyOnPortInUse_saysThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> S3Targets.start(TargetOptions.of(StoreKind.S3PROXY).withPort(port)))
                    .isInstanceOf(TargetStartException.class)
                    .hasMessage("cannot start the S3Proxy recording proxy on 127.0.0.1:" + port
                            + ": the port is already in use (choose another port, or 0 for any free port)");
            assertThatThrownBy(() -> S3Targets.start(TargetOptions.of(StoreKind.LOCAL_S3).withPort(port)
                    .withRecording(false)))
                    .isInstanceOf(TargetStartException.class)
                    .hasMessageContaining("cannot start LocalS3 on 127.0.0.1:" + port + ": the port is already in use");
        }
    }

    @Test
    void start_s3ProxyOnChosenPort_servesThere() throws IOException {
        int port = freePort();
        try (S3Target target = S3Targets.start(TargetOptions.of(StoreKind.S3PROXY).withPort(port))) {
            assertThat(target.endpoint().getPort()).isEqualTo(port);
            String bucket = target.newBucketName("chosen-port");
            target.fixtureClient().createBucket(b -> b.bucket(bucket));
            assertThat(target.fixtureClient().listBuckets().buckets()).extracting(b -> b.name()).contains(bucket);
        }
    }

    @Test
    void connect_loopbackEndpointFromEnvironment_recordsItsTraffic() {
        try (S3Target server = S3Targets.start(TargetOptions.of(StoreKind.S3PROXY).withRecording(false))) {
            Map<String, String> env = new HashMap<>();
            env.put(ExternalEndpoint.ENDPOINT, server.endpoint().toString());
            env.put(ExternalEndpoint.ACCESS_KEY, server.accessKey());
            env.put(ExternalEndpoint.SECRET_KEY, server.secretKey());
            env.put(ExternalEndpoint.CAPABILITIES, "SIGV4_AUTH,ACL");
            try (S3Target external = S3Targets.connect(env)) {
                assertThat(external.kind()).isEqualTo(StoreKind.EXTERNAL);
                assertThat(external.capabilities()).contains(Capability.SIGV4_AUTH, Capability.ACL,
                        Capability.REQUEST_LOG, Capability.FAULT_INJECTION);
                try (TestBucket bucket = TestBucket.create(external, "external")) {
                    bucket.put("k", "v");
                    assertThat(new String(bucket.get("k"))).isEqualTo("v");
                }
            }
        }
    }

    @Test
    void storeKind_unknownName_listsTheAcceptedOnes() {
        assertThat(StoreKind.fromId("CEPH_RGW")).isEqualTo(StoreKind.CEPH_RGW);
        assertThatThrownBy(() -> StoreKind.fromId("ceph"))
                .hasMessage("unknown S3 target 'ceph': expected one of s3proxy, local-s3, ceph-rgw, minio, external, "
                        + "s3mock");
        assertThat(StoreKind.fromId("s3mock")).isEqualTo(StoreKind.S3MOCK);
    }

    @Test
    void s3mock_isNotSelectedByDefault() {
        assertThat(StoreKind.S3MOCK.selectedByDefault()).isFalse();
        assertThat(java.util.Arrays.stream(StoreKind.values()).filter(StoreKind::selectedByDefault))
                .containsExactly(StoreKind.S3PROXY, StoreKind.LOCAL_S3, StoreKind.CEPH_RGW, StoreKind.MINIO,
                        StoreKind.EXTERNAL);
    }

    @Test
    void s3mock_withoutItsJar_isUnavailableAndSaysWhy() {
        String before = System.getProperty("reactive.s3.s3mock.jar");
        System.setProperty("reactive.s3.s3mock.jar", "/no/such/s3mock-exec.jar");
        try {
            assertThatThrownBy(() -> S3Targets.start(StoreKind.S3MOCK))
                    .isInstanceOf(TargetUnavailableException.class)
                    .hasMessage("s3mock is not available here: REACTIVE_S3_S3MOCK_JAR names /no/such/s3mock-exec.jar, "
                            + "which is not a file");
        } finally {
            if (before == null) {
                System.clearProperty("reactive.s3.s3mock.jar");
            } else {
                System.setProperty("reactive.s3.s3mock.jar", before);
            }
        }
    }

    @Test
    void s3mock_startedWithoutRecording_servesOnItsPortAndStopsWithTheTarget() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.reactives3.testkit.internal.S3MockProcess.findJar().isPresent(),
                "the S3Mock exec jar is not here");
        int port = freePort();
        S3Target target = S3Targets.start(TargetOptions.of(StoreKind.S3MOCK).withPort(port).withRecording(false));
        try {
            assertThat(target.endpoint().toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(target.capabilities()).doesNotContain(Capability.REQUEST_LOG, Capability.SIGV4_AUTH);
            target.fixtureClient().createBucket(b -> b.bucket("mock"));
            target.fixtureClient().putObject(b -> b.bucket("mock").key("k"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("mocked"));
            assertThat(target.fixtureClient().getObjectAsBytes(b -> b.bucket("mock").key("k")).asUtf8String())
                    .isEqualTo("mocked");
        } finally {
            target.close();
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).as("the S3Mock process is gone and its port free").isEqualTo(port);
        }
    }

    @Test
    void newBucketName_isAValidUniqueS3Name() {
        try (S3Target target = S3Targets.start(TargetOptions.of(StoreKind.LOCAL_S3).withRecording(false))) {
            String a = target.newBucketName("Some_Test.Method-Name-That-Is-Really-Much-Too-Long-For-A-Bucket-Name");
            String b = target.newBucketName("x");
            assertThat(a).matches("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]").isNotEqualTo(b);
            assertThat(b).matches("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
        }
    }

    private static Map<String, String> env(String endpoint) {
        Map<String, String> env = new HashMap<>();
        env.put(ExternalEndpoint.ENDPOINT, endpoint);
        env.put(ExternalEndpoint.ACCESS_KEY, "ak");
        env.put(ExternalEndpoint.SECRET_KEY, "sk");
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
