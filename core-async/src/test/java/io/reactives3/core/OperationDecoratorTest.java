package io.reactives3.core;

import static io.reactives3.core.TestData.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.model.PutObjectResult;
import io.reactives3.core.spi.ClientVariants;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Operation decorators wrap every S3 request, in the order added, with the subscriber's context and typed errors. */
class OperationDecoratorTest {

    /** Records what it saw: the operation, the context entry "who", and how the request ended. */
    private static final class Recording implements OperationDecorator {
        private final String name;
        private final List<String> events;
        private final List<S3Operation> operations = new CopyOnWriteArrayList<>();

        Recording(String name, List<String> events) {
            this.name = name;
            this.events = events;
        }

        @Override
        public <T> Mono<T> decorate(S3Operation operation, Mono<T> call) {
            return Mono.deferContextual(context -> {
                operations.add(operation);
                events.add(name + " " + operation.name() + " subscribed by " + context.getOrDefault("who", "-"));
                return call
                        .doOnSuccess(v -> events.add(name + " " + operation.name() + " ok"))
                        .doOnError(e -> events.add(name + " " + operation.name() + " " + e.getClass().getSimpleName()))
                        .contextWrite(c -> c.put("who", name));
            });
        }
    }

    @S3Test
    void decorators_wrapEachRequest_firstAddedOutermost_seeTypedErrors(S3Target target, TestBucket bucket) {
        List<String> events = new CopyOnWriteArrayList<>();
        Recording outer = new Recording("outer", events);
        Recording inner = new Recording("inner", events);
        try (ReactiveS3Client client = TargetClients.newClient(target,
                b -> b.addOperationDecorator(outer).addOperationDecorator(inner))) {
            assertThat(client.settings().operationDecorators()).containsExactly(outer, inner);
            Mono<PutObjectResult> put = client.putObject(bucket.name(), "k1", UploadBody.ofString("one"));
            assertThat(events).as("nothing runs before subscribe").isEmpty();
            put.contextWrite(c -> c.put("who", "caller")).block(TIMEOUT);
            assertThat(events).containsExactly("outer PutObject subscribed by caller",
                    "inner PutObject subscribed by outer", "inner PutObject ok", "outer PutObject ok");

            client.putObject(bucket.name(), "k2", UploadBody.ofString("two")).block(TIMEOUT);
            assertThatThrownBy(() -> client.getObject(bucket.name(), "missing").block(TIMEOUT))
                    .isInstanceOf(ObjectNotFoundException.class);
            assertThat(events).contains("inner GetObject ObjectNotFoundException",
                    "outer GetObject ObjectNotFoundException");
            // a listing of two pages: one request, so one decoration, per page
            assertThat(client.listObjects(bucket.name(), o -> o.pageSize(1)).collectList().block(TIMEOUT))
                    .hasSize(2);
        }
        assertThat(outer.operations).containsExactlyElementsOf(inner.operations);
        assertThat(outer.operations).containsExactly(
                new S3Operation("PutObject", bucket.name(), "k1"),
                new S3Operation("PutObject", bucket.name(), "k2"),
                new S3Operation("GetObject", bucket.name(), "missing"),
                new S3Operation("ListObjectsV2", bucket.name(), null),
                new S3Operation("ListObjectsV2", bucket.name(), null));
    }

    @Test
    void variantsAndSettings_keepTheDecorators() {
        OperationDecorator decorator = new Recording("d", new CopyOnWriteArrayList<>());
        try (ReactiveS3Client client = ReactiveS3Client.builder().endpoint(URI.create("http://127.0.0.1:9"))
                .credentials("a", "b").addOperationDecorator(decorator).build();
             ReactiveS3Client plain = ReactiveS3Client.builder().endpoint(URI.create("http://127.0.0.1:9"))
                     .credentials("a", "b").build();
             ReactiveS3Client variant = ClientVariants.overHttpTransport(client, HttpTransport.CRT).orElseThrow()) {
            assertThat(variant.settings().operationDecorators()).containsExactly(decorator);
            assertThat(plain.settings().operationDecorators()).isEmpty();
            assertThat(client.settings()).isNotEqualTo(plain.settings());
            assertThat(client.settings().toString()).contains("operationDecorators=[Recording]");
        }
    }
}
