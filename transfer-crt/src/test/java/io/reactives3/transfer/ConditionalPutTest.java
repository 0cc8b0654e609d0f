package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.UploadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditional uploads ({@code If-None-Match: *}, create only) on the Reactor and CRT backends: a write whose answer
 * was lost and which is then retried must not turn into a false 412; a real conflict still fails with
 * {@link PreconditionFailedException} and leaves the existing object alone.
 */
class ConditionalPutTest {

    private static final List<TransferBackend> BACKENDS = List.of(TransferBackend.REACTOR, TransferBackend.CRT);
    private static final PutObjectOptions CREATE_ONLY = PutObjectOptions.builder().ifNoneMatch("*").build();
    private static final long SMALL = 64 * 1024;

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void uploadFile_createOnlyAnswerLost_retryReportsTheWriteNotAFalse412(S3Target target, TestBucket bucket,
                                                                          @TempDir Path dir) {
        for (TransferBackend backend : BACKENDS) {
            String key = "lost-" + backend;
            Path file = TestData.file(dir.resolve(key), SMALL, 7);
            try (S3TransferEngine engine = Engines.engine(target, backend);
                 var fault = target.faults().add(Fault.onOperation("PutObject").dropResponse().times(1))) {
                UploadResult result = engine.uploadFile(file, bucket.name(), key, CREATE_ONLY).result()
                        .block(TIMEOUT);
                assertThat(result).as(backend.toString()).isNotNull();
                assertThat(result.eTag()).as(backend.toString()).isEqualTo(Engines.md5Hex(TestData.bytes(SMALL, 7)));
                assertThat(fault.applied()).isEqualTo(1);
            }
            List<RecordedRequest> puts = Engines.requests(target, bucket, "PutObject").stream()
                    .filter(r -> r.key().orElse("").equals(key)).toList();
            // the first attempt wrote the object but its answer was dropped; the retry met the object it had written
            assertThat(puts).as(backend.toString()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(puts.get(0).status()).isZero();
            assertThat(puts.get(1).status()).as(backend.toString()).isEqualTo(412);
            assertThat(bucket.get(key)).isEqualTo(TestData.bytes(SMALL, 7));
        }
    }

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void uploadFile_createOnlyOverAnotherObject_preconditionFailedAndObjectKept(S3Target target, TestBucket bucket,
                                                                                @TempDir Path dir) {
        for (TransferBackend backend : BACKENDS) {
            String key = "taken-" + backend;
            bucket.put(key, "someone else's");
            Path file = TestData.file(dir.resolve(key), SMALL, 8);
            try (S3TransferEngine engine = Engines.engine(target, backend)) {
                assertThatThrownBy(() -> engine.uploadFile(file, bucket.name(), key, CREATE_ONLY).result()
                        .block(TIMEOUT)).as(backend.toString()).isInstanceOf(PreconditionFailedException.class);
            }
            assertThat(new String(bucket.get(key))).isEqualTo("someone else's");
        }
    }

    /**
     * Multipart: both backends put the condition on CompleteMultipartUpload (the CRT client does; the Reactor backend
     * used to refuse conditional multipart uploads with {@code InvalidInputException}). Ceph RGW only: S3Proxy
     * rejects the CRT client's multipart uploads (quirk 1).
     */
    @S3Test(only = StoreKind.CEPH_RGW)
    void uploadFile_multipartCreateOnly_sameOutcomeOnBothBackends(S3Target target, TestBucket bucket,
                                                                  @TempDir Path dir) {
        Path file = TestData.file(dir.resolve("big"), 2 * Engines.PART, 9);
        Map<TransferBackend, List<String>> outcomes = new EnumMap<>(TransferBackend.class);
        for (TransferBackend backend : BACKENDS) {
            List<String> outcome = new ArrayList<>();
            String fresh = "big-" + backend;
            String taken = "taken-" + backend;
            String lost = "lost-" + backend;
            bucket.put(taken, "someone else's");
            try (S3TransferEngine engine = Engines.engine(target, backend)) {
                outcome.add(outcomeOf(() -> engine.uploadFile(file, bucket.name(), fresh, CREATE_ONLY)));
                outcome.add(outcomeOf(() -> engine.uploadFile(file, bucket.name(), taken, CREATE_ONLY)));
                try (var fault = target.faults().add(Fault.onOperation("CompleteMultipartUpload").dropResponse()
                        .times(1))) {
                    outcome.add(outcomeOf(() -> engine.uploadFile(file, bucket.name(), lost, CREATE_ONLY)));
                    assertThat(fault.applied()).isEqualTo(1);
                }
            }
            List<String> conditions = Engines.requests(target, bucket, "CompleteMultipartUpload").stream()
                    .filter(r -> r.key().orElse("").equals(fresh))
                    .map(r -> r.head().header("if-none-match").orElse("none")).toList();
            assertThat(conditions).as(backend.toString()).containsOnly("*");
            assertThat(bucket.get(fresh)).isEqualTo(TestData.bytes(2 * Engines.PART, 9));
            assertThat(bucket.get(lost)).isEqualTo(TestData.bytes(2 * Engines.PART, 9));
            outcomes.put(backend, outcome);
        }
        // fresh key created, lost answer reported as the write it was; the taken key is overwritten: Ceph RGW 16.2
        // ignores If-None-Match on CompleteMultipartUpload (a store limit, the same on both backends)
        assertThat(outcomes.get(TransferBackend.REACTOR)).containsExactly("created", "created", "created");
        assertThat(outcomes.get(TransferBackend.CRT)).isEqualTo(outcomes.get(TransferBackend.REACTOR));
        assertThat(Cancellation.uploadsLeft(target, bucket)).isZero();
    }

    private static String outcomeOf(java.util.function.Supplier<Transfer<UploadResult>> upload) {
        try {
            upload.get().result().block(TIMEOUT);
            return "created";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
