package io.reactives3.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.error.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Pure logic of {@link UploadBody}: lengths, content types, copies and replay; uploads are tested over HTTP. */
class UploadBodyTest {

    @Test
    void ofBytes_copiesTheArray_laterChangesAreNotSent() {
        byte[] data = {1, 2, 3};
        UploadBody body = UploadBody.ofBytes(data);
        data[0] = 9;

        assertThat(body.contentLength()).hasValue(3);
        assertThat(body.replayable()).isTrue();
        assertThat(body.contentType()).isEmpty();
        ByteBuffer sent = body.inMemory().orElseThrow();
        assertThat(sent.get(0)).isEqualTo((byte) 1);
        assertThat(sent.isReadOnly()).isTrue();
    }

    @Test
    void ofString_encodesInTheCharset_andImpliesTextContentType() {
        UploadBody body = UploadBody.ofString("\u00e9", StandardCharsets.UTF_16BE);

        assertThat(body.contentLength()).hasValue(2);
        assertThat(body.contentType()).hasValue("text/plain; charset=utf-16be");
        assertThat(UploadBody.ofString("x").contentType()).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void content_inMemory_replaysTheSameBytesPerSubscription() {
        UploadBody body = UploadBody.ofBytes(new byte[] {7, 8});
        for (int i = 0; i < 2; i++) {
            StepVerifier.create(body.content().map(ByteBuffer::remaining))
                    .expectNext(2)
                    .expectComplete()
                    .verify(Duration.ofSeconds(5));
        }
    }

    @Test
    void ofPublisher_lengthKnownOrNot_isNotReplayable() {
        Flux<ByteBuffer> source = Flux.just(ByteBuffer.allocate(4));
        assertThat(UploadBody.ofPublisher(source, 4).contentLength()).hasValue(4);
        assertThat(UploadBody.ofPublisher(source).contentLength()).isEmpty();
        assertThat(UploadBody.ofPublisher(source).replayable()).isFalse();
        assertThatThrownBy(() -> UploadBody.ofPublisher(source, -1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("contentLength must be >= 0");
    }

    @Test
    void ofFile_isSizedOnSubscribe_andReadFromItsFile() {
        UploadBody body = UploadBody.ofFile(Path.of("some.bin"));
        assertThat(body.contentLength()).isEmpty();
        assertThat(body.file()).hasValue(Path.of("some.bin"));
        assertThat(body.replayable()).isTrue();
        assertThatThrownBy(body::content).isInstanceOf(IllegalStateException.class);
    }
}
