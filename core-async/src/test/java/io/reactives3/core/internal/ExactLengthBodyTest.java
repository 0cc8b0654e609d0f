package io.reactives3.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.error.DataIntegrityException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class ExactLengthBodyTest {

    private static Flux<ByteBuffer> body(Flux<ByteBuffer> source, long length) {
        return Flux.from(new ExactLengthBody(source, length, null, "PutObject s3://b/k", Duration.ofMillis(300)));
    }

    @Test
    void subscribe_exactLengthThenNeverCompletes_failsAfterTheGraceInsteadOfHanging() {
        Flux<ByteBuffer> source = Flux.just(ByteBuffer.allocate(4), ByteBuffer.allocate(6)).concatWith(Flux.never());
        StepVerifier.create(body(source, 10))
                .expectNextCount(1)   // the buffer completing the length is held back
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DataIntegrityException.class)
                        .hasMessageContaining("did not complete").hasMessageContaining("nothing was stored"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void subscribe_exactLengthThenCompletes_releasesTheLastBuffer() {
        StepVerifier.create(body(Flux.just(ByteBuffer.allocate(4), ByteBuffer.allocate(6)), 10))
                .expectNextCount(2)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void subscribe_slowButShortOfTheLength_isNotTimedOut() {
        Flux<ByteBuffer> source = Flux.just(ByteBuffer.allocate(4))
                .concatWith(Flux.just(ByteBuffer.allocate(6)).delaySubscription(Duration.ofMillis(600)));
        StepVerifier.create(body(source, 10))
                .expectNextCount(2)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void subscribe_moreBytesThanAnnounced_failsBeforeTheLastByteIsSent() {
        StepVerifier.create(body(Flux.just(ByteBuffer.allocate(10), ByteBuffer.allocate(1)), 10))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DataIntegrityException.class)
                        .hasMessageContaining("more than the 10 bytes"))
                .verify(Duration.ofSeconds(5));
    }
}
