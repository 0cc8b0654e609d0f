package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.PART;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

/**
 * File downloads take their ranges' bytes from the engine's memory budget, as uploads and streams do: ranges wait for
 * room (so that many downloads at once in a small heap cannot hold more than the budget while the disk or the digest
 * drains them), and every byte reserved is given back, on success, failure and cancel.
 */
class FileDownloadBudgetTest {

    private static final long SIZE = 4 * PART;

    @TempDir
    Path dir;

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.LOCAL_S3})
    void fileDownload_budgetOfOneRange_readsOneRangeAtATime_andGivesEverythingBack(S3Target target,
                                                                                    TestBucket bucket) {
        bucket.put("four-ranges", TestData.bytes(SIZE, 9));
        target.faults().add(Fault.onOperation("GetObject").delayResponse(Duration.ofMillis(300)));

        // the control: a budget with room for every range lets them overlap (the measure can see an overlap)
        assertThat(download(target, bucket, 16 * PART, "roomy.bin")).as("GETs at once, budget of 16 ranges")
                .isGreaterThan(1);
        assertThat(download(target, bucket, PART, "tight.bin")).as("GETs at once, budget of one range")
                .isEqualTo(1);
    }

    @S3Test(only = {StoreKind.S3PROXY})
    void fileDownload_failingRange_givesItsBytesBack(S3Target target, TestBucket bucket) {
        bucket.put("failing", TestData.bytes(SIZE, 10));
        TransferSettings settings = settings(2 * PART);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target), settings)) {
            target.faults().add(Fault.onOperation("GetObject").internalError());
            Throwable failure = catchThrowable(() -> engine.downloadFile(bucket.name(), "failing",
                    dir.resolve("failing.bin")).result().block(TIMEOUT));
            assertThat(failure).isNotNull();
            assertThat(settings.memoryBudget().inUse()).as("bytes still reserved after the failure").isZero();
            assertThat(settings.memoryBudget().waiting()).isZero();
        }
        assertThat(dir.resolve("failing.bin")).doesNotExist();
    }

    @S3Test(only = {StoreKind.S3PROXY})
    void fileDownload_cancelledWhileRangesWaitForRoom_givesEverythingBack(S3Target target, TestBucket bucket)
            throws Exception {
        bucket.put("cancelled", TestData.bytes(SIZE, 11));
        TransferSettings settings = settings(PART);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target), settings)) {
            target.faults().add(Fault.onOperation("GetObject").delayResponse(Duration.ofSeconds(2)));
            Disposable download = engine.downloadFile(bucket.name(), "cancelled", dir.resolve("cancelled.bin"))
                    .result().subscribe(result -> { }, error -> { });
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (settings.memoryBudget().waiting() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(settings.memoryBudget().inUse()).as("one range holds the whole budget").isEqualTo(PART);
            assertThat(settings.memoryBudget().waiting()).as("ranges waiting for room").isPositive();
            download.dispose();
            while ((settings.memoryBudget().inUse() > 0 || settings.memoryBudget().waiting() > 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(settings.memoryBudget().inUse()).as("bytes still reserved after the cancel").isZero();
            assertThat(settings.memoryBudget().waiting()).isZero();
            // the temporary file is deleted by the cancel's clean-up, which runs on a thread of its own
            while (filesIn(dir) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(filesIn(dir)).as("temporary files left").isZero();
    }

    private static long filesIn(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    /** Downloads "four-ranges" with a budget of {@code budget} bytes; the most GetObject requests at once. */
    private int download(S3Target target, TestBucket bucket, long budget, String name) {
        TransferSettings settings = settings(budget);
        Instant from = Instant.now();
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target), settings)) {
            assertThat(engine.downloadFile(bucket.name(), "four-ranges", dir.resolve(name)).result().block(TIMEOUT)
                    .size()).isEqualTo(SIZE);
            assertThat(settings.memoryBudget().inUse()).as("bytes still reserved after the download").isZero();
        }
        assertThat(TestData.bytes(SIZE, 9)).isEqualTo(read(dir.resolve(name)));
        List<RecordedRequest> gets = Engines.requests(target, bucket, "GetObject").stream()
                .filter(r -> !r.startedAt().isBefore(from)).toList();
        assertThat(gets).hasSize(4);
        return mostAtOnce(gets);
    }

    private static TransferSettings settings(long budget) {
        return Engines.settings(TransferBackend.REACTOR).withConcurrency(4).withMemoryBudget(budget);
    }

    private static int mostAtOnce(List<RecordedRequest> requests) {
        List<long[]> events = new ArrayList<>();
        for (RecordedRequest r : requests) {
            long start = r.startedAt().toEpochMilli() * 1000 + r.startedAt().getNano() / 1000 % 1000;
            events.add(new long[]{start, 1});
            events.add(new long[]{start + r.duration().toNanos() / 1000, -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int most = 0;
        for (long[] event : events) {
            now += (int) event[1];
            most = Math.max(most, now);
        }
        return most;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
