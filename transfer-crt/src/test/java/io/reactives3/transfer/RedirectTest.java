package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.HttpTransport;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.UploadBody;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * A store answering {@code 301}/{@code 307} with a {@code Location} on another host (a second loopback listener that
 * records what reaches it): the client (Netty and CRT transports) and the transfer engine (Reactor and CRT backends)
 * never send credentials there. The SDK does not follow S3 redirects: the caller gets the store's answer as a typed
 * {@link S3ServiceException} carrying the status, and the other host sees nothing at all.
 */
class RedirectTest {

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void client_redirectToAnotherHost_typedErrorAndNoCredentialsSent(S3Target target, TestBucket bucket)
            throws Exception {
        bucket.put("k", "content");
        try (OtherHost other = new OtherHost()) {
            for (HttpTransport transport : HttpTransport.values()) {
                try (ReactiveS3Client client = TargetClients.newClient(target, b -> b.httpTransport(transport))) {
                    for (int status : new int[]{301, 307}) {
                        String what = transport + " " + status;
                        redirected(target, other, status, what, () -> client.getObject(bucket.name(), "k"));
                        redirected(target, other, status, what, () -> client.headObject(bucket.name(), "k"));
                        redirected(target, other, status, what, () -> client.putObject(bucket.name(), "k",
                                UploadBody.ofString("other")));
                    }
                }
            }
            assertThat(other.requests).as("requests that reached the other host").isEmpty();
        }
        assertThat(new String(bucket.get("k"))).isEqualTo("content");
    }

    @S3Test(only = StoreKind.CEPH_RGW)
    void engine_redirectToAnotherHost_typedErrorAndNoCredentialsSent(S3Target target, TestBucket bucket,
                                                                     @TempDir Path dir) throws Exception {
        bucket.put("k", TestData.bytes(Engines.THRESHOLD + 1, 3));
        Path file = TestData.file(dir.resolve("f"), Engines.THRESHOLD + 1, 4);
        try (OtherHost other = new OtherHost()) {
            for (TransferBackend backend : List.of(TransferBackend.REACTOR, TransferBackend.CRT)) {
                try (S3TransferEngine engine = Engines.engine(target, backend)) {
                    for (int status : new int[]{301, 307}) {
                        String what = backend + " " + status;
                        redirected(target, other, status, what, () -> engine.downloadFile(bucket.name(), "k",
                                dir.resolve("got")).result());
                        redirected(target, other, status, what, () -> engine.uploadFile(file, bucket.name(), "up")
                                .result());
                    }
                }
            }
            assertThat(other.requests).as("requests that reached the other host").isEmpty();
        }
        assertThat(Files.exists(dir.resolve("got"))).isFalse();
        assertThat(bucket.keys()).doesNotContain("up");
        assertThat(Cancellation.uploadsLeft(target, bucket)).isZero();
    }

    /** Every request to the store is redirected to {@code other}; the call fails with the redirect's status. */
    private static void redirected(S3Target target, OtherHost other, int status, String what,
                                   Supplier<Mono<?>> call) {
        try (var fault = target.faults().add(Fault.on(head -> true).redirect(status, other.baseUrl()))) {
            assertThatThrownBy(() -> call.get().block(TIMEOUT)).as(what)
                    .isInstanceOfSatisfying(S3ServiceException.class,
                            e -> assertThat(e.statusCode()).as(what).isEqualTo(status));
            assertThat(fault.applied()).as(what).isPositive();
        }
    }

    /** A loopback listener standing for another host: records each request head, answers 200 with no body. */
    static final class OtherHost implements AutoCloseable {
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final ServerSocket server;
        private final Thread acceptor;

        OtherHost() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::accept, "other-host");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    StringBuilder head = new StringBuilder();
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        head.append(line).append('\n');
                    }
                    requests.add(head.toString());
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    // closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
