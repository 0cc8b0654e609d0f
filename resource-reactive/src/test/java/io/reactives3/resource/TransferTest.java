package io.reactives3.resource;

import static io.reactives3.resource.ResourceTargets.TIMEOUT;
import static io.reactives3.resource.ResourceTargets.requests;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferProgress;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.CopyResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Managed transfers of the resources, through the transfer engine: upload/download files, streams, copies. */
class TransferTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @S3Test
    void uploadFileThenDownloadFile_smallFile_roundTripsWithProgress(S3Target target, TestBucket bucket)
            throws IOException {
        Path source = file("small.bin", 300 * 1024);
        Bucket resource = ResourceTargets.s3(target).bucket(bucket.name());

        List<TransferProgress<UploadResult>> progress = resource.uploadFile(source, "files/small.bin").progress()
                .collectList().block(TIMEOUT);

        TransferProgress<UploadResult> last = progress.get(progress.size() - 1);
        assertThat(last.done()).isTrue();
        assertThat(last.result().orElseThrow().size()).isEqualTo(300 * 1024);
        assertThat(bucket.get("files/small.bin")).isEqualTo(Files.readAllBytes(source));

        Path copy = dir.resolve("downloaded.bin");
        DownloadResult downloaded = resource.downloadFile("files/small.bin", copy).result().block(TIMEOUT);
        assertThat(downloaded.size()).isEqualTo(300 * 1024);
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(source));
    }

    @S3Test
    void uploadFile_aboveTheEnginesThreshold_usesParallelParts(S3Target target, TestBucket bucket)
            throws IOException {
        Path source = file("large.bin", 11 * MIB);
        TransferSettings settings = TransferSettings.defaults().withPartSize(5 * MIB).withMultipartThreshold(5 * MIB);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target), settings)) {
            ReactiveS3 s3 = ReactiveS3.create(TargetClients.client(target), engine);

            UploadResult uploaded = s3.object(bucket.name(), "large.bin").uploadFile(source).result().block(TIMEOUT);

            assertThat(uploaded.parts()).isEqualTo(3);
            assertThat(uploaded.size()).isEqualTo(11 * MIB);
            assertThat(bucket.get("large.bin")).isEqualTo(Files.readAllBytes(source));
            s3.close();
            assertThat(s3.engine()).as("the caller's engine stays usable").isSameAs(engine);
        }
    }

    @S3Test
    void upload_streamOfUnknownLength_storesTheBytes(S3Target target, TestBucket bucket) {
        Flux<ByteBuffer> chunks = Flux.range(0, 10)
                .map(i -> ByteBuffer.wrap(("chunk-" + i + ";").getBytes(StandardCharsets.UTF_8)));

        UploadResult result = ResourceTargets.s3(target).bucket(bucket.name())
                .upload(chunks, "streamed.txt", PutObjectOptions.defaults()).result().block(TIMEOUT);

        assertThat(result.key()).isEqualTo("streamed.txt");
        assertThat(new String(bucket.get("streamed.txt"), StandardCharsets.UTF_8))
                .startsWith("chunk-0;chunk-1;").endsWith("chunk-9;");
    }

    @S3Test
    void stream_throughTheEngine_deliversTheObjectInOrder(S3Target target, TestBucket bucket) {
        bucket.put("streamed.bin", "0123456789".repeat(1000));

        ObjectStream stream = ResourceTargets.s3(target).object(bucket.name(), "streamed.bin").stream()
                .block(TIMEOUT);
        byte[] body = stream.body().reduce(new java.io.ByteArrayOutputStream(), (out, buffer) -> {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            out.writeBytes(bytes);
            return out;
        }).block(TIMEOUT).toByteArray();

        assertThat(stream.head().contentLength()).isEqualTo(10_000);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("0123456789".repeat(1000));
    }

    @S3Test
    void bucketCopyAndObjectCopy_throughTheEngine_createCopies(S3Target target, TestBucket bucket) {
        bucket.put("original", "copy me");
        ReactiveS3 s3 = ResourceTargets.s3(target);
        target.requestLog().clear();

        CopyResult viaBucket = s3.bucket(bucket.name()).copy(CopySource.of(bucket.name(), "original"), "copy-1")
                .result().block(TIMEOUT);
        CopyResult viaObject = s3.object(bucket.name(), "copy-2").copy(CopySource.of(bucket.name(), "original"))
                .result().block(TIMEOUT);

        assertThat(viaBucket.key()).isEqualTo("copy-1");
        assertThat(viaObject.key()).isEqualTo("copy-2");
        assertThat(new String(bucket.get("copy-1"), StandardCharsets.UTF_8)).isEqualTo("copy me");
        assertThat(new String(bucket.get("copy-2"), StandardCharsets.UTF_8)).isEqualTo("copy me");
        assertThat(requests(target, bucket.name(), "CopyObject")).hasSize(2);
    }

    private Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Mono.fromCallable(() -> Files.write(dir.resolve(name), bytes))
                .subscribeOn(Schedulers.boundedElastic()).block(TIMEOUT);
    }
}
