package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * Conditional uploads ({@code If-None-Match: *}, create only) on the Reactor and CRT backends: a write whose answer
 * was lost and which is then retried must not turn into a false 412; a real conflict still fails with
 * {@link PreconditionFailedException} and leaves the existing object alone.
 */
class ConditionalPutTest {

    private static final List<TransferBackend> BACKENDS = List.of(TransferBackend.REACTOR, TransferBackend.CRT);
    private static final PutObjectOptions CREATE_ONLY = PutObjectOptions.builder().ifNoneMatch("*").build();
    private static final long SMALL = 64 * 1024;

    /**
     * In every integrity mode, on both backends: the MD5 that tells our own write from another object is known as
     * sent in MD5 mode and by the CRT backend, and computed once more from the bytes on the 412 otherwise. Was
     * broken outside MD5 mode: a false {@link PreconditionFailedException} for a write that succeeded.
     */
    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void uploadFile_createOnlyAnswerLost_retryReportsTheWriteNotAFalse412(S3Target target, TestBucket bucket,
                                                                          @TempDir Path dir) {
        for (IntegrityMode mode : IntegrityMode.values()) {
            for (TransferBackend backend : BACKENDS) {
                lostAnswer(target, bucket, dir, mode, backend, SMALL, false);
            }
            // between the part size and the threshold: the Reactor backend streams the file (no bytes in memory)
            lostAnswer(target, bucket, dir, mode, TransferBackend.REACTOR, Engines.PART + 512 * 1024, false);
        }
    }

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void uploadStream_createOnlyAnswerLost_retryReportsTheWriteNotAFalse412(S3Target target, TestBucket bucket,
                                                                            @TempDir Path dir) {
        for (IntegrityMode mode : IntegrityMode.values()) {
            lostAnswer(target, bucket, dir, mode, TransferBackend.REACTOR, SMALL, true);
        }
    }

    /** The store writes, the proxy drops the answer and resets; the retry meets the object it wrote (412). */
    private static void lostAnswer(S3Target target, TestBucket bucket, Path dir, IntegrityMode mode,
                                   TransferBackend backend, long size, boolean stream) {
        String key = "lost-" + mode + "-" + backend + "-" + size + (stream ? "-stream" : "");
        String what = key;
        Path file = TestData.file(dir.resolve(key), size, 7);
        byte[] content = TestData.bytes(size, 7);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(backend).withIntegrity(mode));
             var fault = target.faults().add(Fault.onOperation("PutObject").dropResponse().times(1))) {
            UploadResult result = (stream
                    ? engine.upload(Flux.just(ByteBuffer.wrap(content)), bucket.name(), key, CREATE_ONLY)
                    : engine.uploadFile(file, bucket.name(), key, CREATE_ONLY)).result().block(TIMEOUT);
            assertThat(result).as(what).isNotNull();
            assertThat(result.eTag()).as(what).isEqualTo(Engines.md5Hex(content));
            assertThat(fault.applied()).as(what).isEqualTo(1);
        }
        List<RecordedRequest> puts = Engines.requests(target, bucket, "PutObject").stream()
                .filter(r -> r.key().orElse("").equals(key)).toList();
        // the first attempt wrote the object but its answer was dropped; the retry met the object it had written
        assertThat(puts).as(what).hasSizeGreaterThanOrEqualTo(2);
        assertThat(puts.get(0).status()).as(what).isZero();
        assertThat(puts.get(1).status()).as(what).isEqualTo(412);
        assertThat(bucket.get(key)).as(what).isEqualTo(content);
    }

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void uploadFile_createOnlyOverAnotherObject_preconditionFailedAndObjectKept(S3Target target, TestBucket bucket,
                                                                                @TempDir Path dir) {
        for (IntegrityMode mode : IntegrityMode.values()) {
            for (TransferBackend backend : BACKENDS) {
                createOnlyOverAnother(target, bucket, dir, mode, backend);
            }
        }
    }

    private static void createOnlyOverAnother(S3Target target, TestBucket bucket, Path dir, IntegrityMode mode,
                                              TransferBackend backend) {
        String key = "taken-" + mode + "-" + backend;
        bucket.put(key, "someone else's");
        Path file = TestData.file(dir.resolve(key), SMALL, 8);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(backend).withIntegrity(mode))) {
            assertThatThrownBy(() -> engine.uploadFile(file, bucket.name(), key, CREATE_ONLY).result()
                    .block(TIMEOUT)).as(key).isInstanceOf(PreconditionFailedException.class);
        }
        assertThat(new String(bucket.get(key))).isEqualTo("someone else's");
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
