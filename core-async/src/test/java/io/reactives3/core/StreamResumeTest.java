package io.reactives3.core;

import io.reactives3.core.testing.TargetClients;
import static io.reactives3.core.TestData.MIB;
import static io.reactives3.core.TestData.TIMEOUT;
import static io.reactives3.core.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import reactor.core.publisher.Mono;

/**
 * A {@code getObjectStream} subscriber that pauses longer than the client's read timeout: the body resumes with a
 * ranged GET from the next byte, pinned to the ETag, and delivers exactly the object.
 */
@Tag("bounded-memory")   // its own JVM with a 128 MiB heap (see the pom)
class StreamResumeTest {

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void getObjectStream_pausePastTheReadTimeout_resumesFromTheNextByte(S3Target target, TestBucket bucket) {
        byte[] content = bytes(8 * MIB);
        bucket.put("paused", content);
        try (ReactiveS3Client s3 = TargetClients.newClient(target, b -> b.readTimeout(Duration.ofSeconds(1)))) {
            target.requestLog().clear();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            long[] count = {0};
            s3.getObjectStream(bucket.name(), "paused", GetObjectOptions.defaults())
                    .flatMapMany(stream -> stream.body())
                    .concatMap(buffer -> {
                        byte[] bytes = new byte[buffer.remaining()];
                        buffer.get(bytes);
                        received.writeBytes(bytes);
                        boolean pause = count[0] < 256 * 1024 && count[0] + bytes.length >= 256 * 1024;
                        count[0] += bytes.length;
                        // once, after 256 KiB: a pause three times the read timeout
                        return pause ? Mono.delay(Duration.ofSeconds(3)).thenReturn(buffer) : Mono.just(buffer);
                    }, 1)
                    .blockLast(TIMEOUT);
            assertThat(received.toByteArray()).isEqualTo(content);
            List<RecordedRequest> gets = target.requestLog().forBucket(bucket.name()).stream()
                    .filter(r -> r.operation().equals("GetObject")).toList();
            assertThat(gets).hasSizeGreaterThanOrEqualTo(2);
            assertThat(gets.get(1).head().header("range").orElse("")).matches("bytes=\\d+-" + (8 * MIB - 1));
            assertThat(gets.get(1).head().header("if-match")).isPresent();
        }
    }
}
