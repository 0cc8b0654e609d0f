package io.reactives3.core;

import io.reactives3.core.testing.TargetClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * Bad arguments throw when the method is called, before a Mono exists, so no request is ever sent: proved with the
 * request log, whose count for the bucket stays 0.
 */
class ArgumentValidationTest {

    static final List<String> INVALID_BUCKETS = List.of(
            "ab",                       // too short
            "a".repeat(64),             // too long
            "Uppercase-bucket",         // upper case
            "bucket:colon", "bucket@at", "bucket#hash", "bucket/slash", "bucket?question",
            "under_score", "-leading-hyphen", "trailing-hyphen-", "double..dot", "dot.-hyphen",
            "192.168.1.10",             // an IP address
            "");

    /** 342 three-byte characters: 1,026 UTF-8 bytes, over the 1,024 limit although only 342 chars long. */
    static final String KEY_TOO_LONG = "€".repeat(342);

    @S3Test
    void invalidBucketNames_throwAtCallTime_andSendNothing(S3Target target) {
        ReactiveS3Client s3 = TargetClients.client(target);
        int before = target.requestLog().all().size();
        for (String bucket : INVALID_BUCKETS) {
            List<ThrowingCallable> calls = List.of(
                    () -> s3.createBucket(bucket),
                    () -> s3.headBucket(bucket),
                    () -> s3.bucketExists(bucket),
                    () -> s3.deleteBucket(bucket),
                    () -> s3.getBucketLocation(bucket),
                    () -> s3.putObject(bucket, "k", UploadBody.ofString("x")),
                    () -> s3.getObject(bucket, "k"),
                    () -> s3.getObjectStream(bucket, "k", GetObjectOptions.defaults()),
                    () -> s3.headObject(bucket, "k"),
                    () -> s3.objectExists(bucket, "k"),
                    () -> s3.copyObject(bucket, "k", "valid-bucket", "k"),
                    () -> s3.copyObject("valid-bucket", "k", bucket, "k"),
                    () -> s3.deleteObject(bucket, "k"),
                    () -> s3.deleteObjects(bucket, List.of("k")),
                    () -> s3.listObjectsPage(bucket, ListObjectsOptions.defaults()),
                    () -> s3.listObjectsPages(bucket, ListObjectsOptions.defaults()),
                    () -> s3.listObjects(bucket),
                    () -> s3.listObjectVersions(bucket),
                    () -> s3.createMultipartUpload(bucket, "k", PutObjectOptions.defaults()),
                    () -> s3.listMultipartUploads(bucket),
                    () -> s3.waitUntilBucketExists(bucket, Duration.ofSeconds(1)),
                    () -> s3.waitUntilObjectNotExists(bucket, "k", Duration.ofSeconds(1)));
            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call).as("bucket '%s'", bucket)
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("invalid bucket name '" + bucket + "'");
            }
        }
        assertThat(target.requestLog().all()).hasSize(before);
    }

    @S3Test
    void invalidKeysPartNumbersRangesAndBatches_throwAtCallTime_andSendNothing(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        String b = bucket.name();
        MultipartUploadHandle upload = new MultipartUploadHandle(b, "k", "upload-id");
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> "k" + i).toList();

        assertIllegal(() -> s3.putObject(b, KEY_TOO_LONG, UploadBody.ofString("x")), "1026 UTF-8 bytes");
        assertIllegal(() -> s3.getObject(b, KEY_TOO_LONG), "1026 UTF-8 bytes");
        assertIllegal(() -> s3.headObject(b, KEY_TOO_LONG), "1026 UTF-8 bytes");
        assertIllegal(() -> s3.deleteObjects(b, List.of("ok", KEY_TOO_LONG)), "1026 UTF-8 bytes");
        assertIllegal(() -> s3.copyObject(b, "k", b, KEY_TOO_LONG), "1026 UTF-8 bytes");
        assertIllegal(() -> s3.getObject(b, ""), "must not be empty");
        assertIllegal(() -> s3.getObjectStream(GetObjectRequest.builder().bucket(b).key(KEY_TOO_LONG).build()),
                "1026 UTF-8 bytes");

        assertIllegal(() -> ByteRange.of(-1, 10), "must be >= 0");
        assertIllegal(() -> ByteRange.of(10, 5), "last >= first");
        assertIllegal(() -> ByteRange.from(-5), "must be >= 0");
        assertIllegal(() -> ByteRange.lastBytes(0), "suffix length must be >= 1");
        assertIllegal(() -> s3.uploadPartCopy(upload, 1, b, "src", ByteRange.from(10)), "closed byte range");
        assertIllegal(() -> s3.putObject(b, "k", UploadBody.ofPublisher(Flux.<ByteBuffer>empty(), -1)), "contentLength must be >= 0");

        assertIllegal(() -> s3.uploadPart(upload, 0, UploadBody.ofBytes(new byte[1])), "part number must be within 1..10000, got 0");
        assertIllegal(() -> s3.uploadPart(upload, 10_001, UploadBody.ofBytes(new byte[1])), "got 10001");
        assertIllegal(() -> s3.uploadPart(upload, 0, UploadBody.ofPublisher(Flux.<ByteBuffer>empty(), 0)), "got 0");
        assertIllegal(() -> s3.uploadPartCopy(upload, 10_001, b, "src", null), "got 10001");
        assertIllegal(() -> GetObjectOptions.builder().partNumber(0), "partNumber must be within 1..10000");
        assertIllegal(() -> s3.completeMultipartUpload(upload, List.of()), "at least one part");
        assertIllegal(() -> s3.listPartsPage(upload, ListPartsOptions.builder().partNumberMarker(-1).build()), "partNumberMarker");

        assertIllegal(() -> s3.deleteObjects(b, tooMany), "at most 1000 keys, got 1001");
        assertThatCode(() -> s3.deleteObjects(b, tooMany.subList(0, 1000))).doesNotThrowAnyException();

        assertIllegal(() -> s3.waitUntilObjectExists(b, "k", Duration.ZERO), "timeout must be positive");
        assertIllegal(() -> s3.createMultipartUpload(b, "k", PutObjectOptions.builder().ifNoneMatch("*").build()),
                "ifMatch/ifNoneMatch");
        assertIllegal(() -> ListObjectsOptions.builder().pageSize(1001), "pageSize must be within 1..1000");

        assertThat(target.requestLog().forBucket(b)).extracting(RecordedRequest::operation).isEmpty();
    }

    @S3Test
    void nullArguments_throwNullPointerAtCallTime_andSendNothing(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        String b = bucket.name();
        List<ThrowingCallable> calls = List.of(
                () -> s3.putObject(null, "k", UploadBody.ofString("x")),
                () -> s3.putObject(b, null, UploadBody.ofString("x")),
                () -> s3.putObject(b, "k", UploadBody.ofString((String) null)),
                () -> s3.putObject(b, "k", UploadBody.ofBytes((byte[]) null)),
                () -> s3.putObject(b, "k", UploadBody.ofFile((Path) null)),
                () -> s3.putObject(b, "k", UploadBody.ofBytes(new byte[0]), (PutObjectOptions) null),
                () -> s3.putObject(b, "k", UploadBody.ofPublisher(null, 0)),
                () -> s3.getObject(b, "k", (GetObjectOptions) null),
                () -> s3.getObjectStream((GetObjectRequest) null),
                () -> s3.headObject(b, null),
                () -> s3.copyObject(b, "k", b, "k2", (CopyObjectOptions) null),
                () -> s3.deleteObjects(b, null),
                () -> s3.deleteObjects(b, Collections.singletonList(null)),
                () -> s3.listObjectsPage(b, null),
                () -> s3.uploadPart(null, 1, UploadBody.ofBytes(new byte[0])),
                () -> s3.completeMultipartUpload(new MultipartUploadHandle(b, "k", "u"), null),
                () -> s3.waitUntilObjectExists(b, "k", null));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessageContaining("must not be null");
        }
        assertThat(target.requestLog().forBucket(b)).isEmpty();
    }

    private static void assertIllegal(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    }
}
