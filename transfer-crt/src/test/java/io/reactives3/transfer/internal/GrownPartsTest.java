package io.reactives3.transfer.internal;

import io.reactives3.core.testing.TargetClients;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.MemoryBudget;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.TransferSettings;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * File parts grown past the configured part size (S3's 10,000-part limit grows them for files above 80 GiB at 8 MiB
 * parts; here a lower part limit grows them for a 30 MiB file) stay within the memory budget: each part reserves its
 * grown size before it is read, and a part larger than the whole budget is streamed from the file instead of read
 * into memory.
 */
class GrownPartsTest {

    private static final long MIB = 1024L * 1024;
    private static final long SIZE = 30 * MIB;

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void uploadFile_grownParts_fitTheBudgetOrAreStreamedFromTheFile(S3Target target, TestBucket bucket,
                                                                     @TempDir Path dir) throws Exception {
        byte[] content = new byte[(int) SIZE];
        new SplittableRandom(3).nextBytes(content);
        Path file = Files.write(dir.resolve("grown.bin"), content);
        ReactiveS3Client client = TargetClients.client(target);
        MemoryBudget budget = MemoryBudget.ofBytes(8 * MIB);
        TransferSettings settings = TransferSettings.defaults().withBackend(TransferBackend.REACTOR)
                .withPartSize(5 * MIB).withMultipartThreshold(5 * MIB).withMemoryBudget(budget);
        Scheduler work = Schedulers.newParallel("grown-parts-test", 2);
        try {
            Uploads uploads = new Uploads(client, settings, work);
            // at most 5 parts: 6 MiB each, 8 in flight allowed but only one fits the 8 MiB budget at a time
            // at most 3 parts: 10 MiB each, larger than the whole budget, so streamed from the file
            for (int maxParts : new int[]{5, 3}) {
                String key = "grown-" + maxParts;
                long partSize = maxParts == 5 ? 6 * MIB : 10 * MIB;
                new FileUploader(uploads, maxParts).upload(file, bucket.name(), key, PutObjectOptions.defaults(),
                        TransferRun.single()).block(Duration.ofMinutes(2));
                assertThat(budget.inUse()).as("budget given back").isZero();
                assertThat(download(client, bucket.name(), key)).as(key).isEqualTo(content);
                target.requestLog().awaitIdle(Duration.ofSeconds(5));
                List<RecordedRequest> parts = target.requestLog().forBucket(bucket.name()).stream()
                        .filter(r -> r.operation().equals("UploadPart") && r.head().path().endsWith("/" + key))
                        .toList();
                assertThat(parts).as(key + " parts").hasSize(maxParts)
                        .allMatch(r -> r.status() == 200)
                        .allMatch(r -> r.requestBytes() >= partSize, "parts of " + partSize + " bytes");
            }
        } finally {
            work.dispose();
        }
    }

    private static byte[] download(ReactiveS3Client client, String bucket, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.getObjectStream(bucket, key, GetObjectOptions.defaults())
                .flatMapMany(o -> o.body())
                .doOnNext(b -> {
                    try {
                        Channels.newChannel(out).write(b);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .blockLast(Duration.ofMinutes(1));
        return out.toByteArray();
    }
}
