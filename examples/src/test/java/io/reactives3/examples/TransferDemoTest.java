package io.reactives3.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.junit.S3Test;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The transfer demo, with small sizes, on a real server: what it prints is what it measured. */
class TransferDemoTest {

    @S3Test(only = StoreKind.S3PROXY)
    void demo_uploadsDownloadsVerifiesAndBatchDeletes(S3Target target) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TransferDemo.Result result = TransferDemo.run(target, 20L << 20, 1_100,
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(result.verified()).as(out).isTrue();
        assertThat(result.bytes()).isEqualTo(20L << 20);
        assertThat(result.deleted()).isEqualTo(1_100);
        assertThat(result.deleteRequests()).isEqualTo(2); // batches of at most 1,000 keys
        assertThat(result.uploadBytesPerSecond()).isPositive();
        assertThat(result.downloadBytesPerSecond()).isPositive();
        assertThat(out).contains("uploaded 20.0 MiB in 3 parts").contains("matches the upload")
                .contains("put 1,100 small objects").contains("deleted 1,100 objects in 2 DeleteObjects requests")
                .contains("100%").doesNotContain("\r");
        // the demo removes its bucket
        assertThat(target.fixtureClient().listBuckets().buckets()).noneMatch(b -> b.name().startsWith("demo"));
    }

    @Test
    void sizes_parseWithBinaryUnits() {
        assertThat(TransferDemo.parseSize("256MiB")).isEqualTo(256L << 20);
        assertThat(TransferDemo.parseSize("1G")).isEqualTo(1L << 30);
        assertThat(TransferDemo.parseSize("4096")).isEqualTo(4096);
    }
}
