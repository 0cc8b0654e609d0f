package io.reactives3.core;

import io.reactives3.core.testing.TargetClients;
import static io.reactives3.core.TestData.MIB;
import static io.reactives3.core.TestData.TIMEOUT;
import static io.reactives3.core.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.LocalFileException;
import io.reactives3.core.error.NotModifiedException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.model.ObjectCopyResult;
import io.reactives3.core.model.DeleteObjectsResult;
import io.reactives3.core.model.DeletedKey;
import io.reactives3.core.model.ObjectContent;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.core.model.ListedObject;
import io.reactives3.core.model.PutObjectResult;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Put, get (whole, ranged, conditional, streamed), head, copy and delete against every target. */
class ObjectOperationsTest {

    /** Keys that break naive URL handling: spaces, unicode, reserved and percent characters, empty path segments. */
    static final List<String> SPECIAL_KEYS = List.of(
            "with space.txt",
            "unicode-ÄÖü-日本語-😀.bin",
            "plus+sign+",
            "percent%20literal%",
            "question?mark=1&x",
            "hash#tag",
            "double//slash",
            "dir/sub dir/file (1).txt",
            "tilde~star*quote'comma,semi;colon:at@");

    @TempDir
    Path tempDir;

    // ------------------------------------------------------------------ put + get round trips

    @S3Test
    void putObject_bytesOfVariousSizes_roundTripExactly(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        for (int size : new int[] {0, 1, 64 * 1024 + 7, 3 * MIB + 13}) {
            byte[] data = bytes(size);
            String key = "size-" + size;
            PutObjectResult put = s3.putObject(bucket.name(), key, UploadBody.ofBytes(data)).block(TIMEOUT);
            assertThat(put.size()).isEqualTo(size);
            assertThat(put.eTag()).isNotBlank().doesNotContain("\"");

            ObjectContent got = s3.getObject(bucket.name(), key).block(TIMEOUT);
            assertThat(got.content()).as("bytes of %s", key).isEqualTo(data);
            assertThat(got.head().contentLength()).isEqualTo(size);
            assertThat(got.head().objectSize()).isEqualTo(size);
            assertThat(got.head().eTag()).isEqualTo(put.eTag());
            assertThat(bucket.get(key)).isEqualTo(data); // what the store holds, read by another client
        }
    }

    @S3Test
    void putObject_string_storesUtf8WithTextContentType(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        String text = "grüße, 世界 ✓";
        s3.putObject(bucket.name(), "text", UploadBody.ofString(text)).block(TIMEOUT);

        ObjectContent got = s3.getObject(bucket.name(), "text").block(TIMEOUT);
        assertThat(got.asUtf8String()).isEqualTo(text);
        // S3Proxy (Jetty) normalises the value to "text/plain;charset=utf-8"
        assertThat(got.head().contentType()).isEqualToIgnoringWhitespace("text/plain; charset=utf-8");
    }

    @S3Test
    void putObject_withOptions_metadataAndHeadersRoundTrip(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        PutObjectOptions options = PutObjectOptions.builder()
                .contentType("application/json")
                .cacheControl("max-age=60")
                .contentDisposition("attachment; filename=\"report.json\"")
                .contentEncoding("identity")
                .metadata("Owner", "team-a")
                .metadata("purpose", "round trip")
                .build();
        s3.putObject(bucket.name(), "meta", UploadBody.ofBytes("{}".getBytes(StandardCharsets.UTF_8)), options).block(TIMEOUT);

        ObjectHead head = s3.headObject(bucket.name(), "meta").block(TIMEOUT);
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(head.metadata()).containsEntry("owner", "team-a").containsEntry("purpose", "round trip");
        assertThat(head.contentLength()).isEqualTo(2);
        assertThat(head.lastModified()).isNotNull();
        if (target.kind() != StoreKind.LOCAL_S3) { // LocalS3 2.4 drops Cache-Control, Content-Disposition
            assertThat(head.cacheControl()).isEqualTo("max-age=60");
            assertThat(head.contentDisposition()).isEqualTo("attachment; filename=\"report.json\"");
            assertThat(head.contentEncoding()).isEqualTo("identity");
        }
        RecordedRequest put = target.requestLog().forBucket(bucket.name()).get(0);
        assertThat(put.head().header("cache-control")).contains("max-age=60");
        assertThat(put.head().header("content-disposition")).contains("attachment; filename=\"report.json\"");
        assertThat(put.head().header("x-amz-meta-purpose")).contains("round trip");

        ObjectHead getHead = s3.getObject(bucket.name(), "meta").block(TIMEOUT).head();
        assertThat(getHead.metadata()).isEqualTo(head.metadata());
        assertThat(getHead.contentType()).isEqualTo("application/json");
    }

    @S3Test(requires = Capability.TAGGING)
    void putObject_withTags_storesTags(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        // plain values: LocalS3 2.4 stores x-amz-tagging values without URL-decoding them
        PutObjectOptions options = PutObjectOptions.builder().tag("env", "test").tag("team", "a_b-1").build();
        s3.putObject(bucket.name(), "tagged", UploadBody.ofBytes(new byte[] {1}), options).block(TIMEOUT);

        Map<String, String> tags = target.fixtureClient()
                .getObjectTagging(b -> b.bucket(bucket.name()).key("tagged")).tagSet().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        assertThat(tags).containsExactlyInAnyOrderEntriesOf(Map.of("env", "test", "team", "a_b-1"));
    }

    @S3Test
    void putObject_file_roundTripsAndMissingFileFailsViaOnError(S3Target target, TestBucket bucket) throws Exception {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(MIB + 5);
        Path file = Files.write(tempDir.resolve("upload.bin"), data);

        StepVerifier.create(s3.putObject(bucket.name(), "from-file", UploadBody.ofFile(file)))
                .assertNext(r -> assertThat(r.size()).isEqualTo(data.length))
                .verifyComplete();
        assertThat(bucket.get("from-file")).isEqualTo(data);

        Mono<PutObjectResult> missing = s3.putObject(bucket.name(), "missing", UploadBody.ofFile(tempDir.resolve("nope.bin")));
        StepVerifier.create(missing)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(LocalFileException.class)
                        .hasMessageContaining("PutObject").hasMessageContaining("nope.bin")
                        .hasRootCauseInstanceOf(NoSuchFileException.class))
                .verify(TIMEOUT);
        assertThat(target.requestLog().count(bucket.name(), "PutObject")).isEqualTo(1);
    }

    @S3Test
    void putObject_publisherOfExactLength_storesTheBytes(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(2 * MIB + 3);
        Flux<ByteBuffer> body = chunks(data, 64 * 1024);

        StepVerifier.create(s3.putObject(bucket.name(), "stream", UploadBody.ofPublisher(body, data.length)))
                .assertNext(r -> assertThat(r.size()).isEqualTo(data.length))
                .verifyComplete();
        assertThat(bucket.get("stream")).isEqualTo(data);
    }

    @S3Test
    void putObject_publisherLongerThanAnnounced_failsAndStoresNothing(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(300 * 1024);
        // the announced length ends exactly at a chunk boundary: the surplus is a whole extra chunk
        Mono<PutObjectResult> put = s3.putObject(bucket.name(), "too-long", UploadBody.ofPublisher(chunks(data, 100 * 1024), 200 * 1024));

        StepVerifier.create(put)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DataIntegrityException.class)
                        .hasMessageContaining("more than the 204800 bytes announced")
                        .hasMessageContaining("s3://" + bucket.name() + "/too-long"))
                .verify(TIMEOUT);
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        assertThat(existsAtServer(target, bucket, "too-long")).isFalse();
    }

    @S3Test
    void putObject_publisherShorterThanAnnounced_failsAndStoresNothing(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(100 * 1024);
        Mono<PutObjectResult> put = s3.putObject(bucket.name(), "too-short", UploadBody.ofPublisher(chunks(data, 10 * 1024), data.length + 1));

        StepVerifier.create(put)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DataIntegrityException.class)
                        .hasMessageContaining("ended after 102400 bytes but 102401 were announced"))
                .verify(TIMEOUT);
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        assertThat(existsAtServer(target, bucket, "too-short")).isFalse();
    }

    @S3Test
    void putObject_publisherWithContentTypeOption_storesThatContentType(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(10_000);
        s3.putObject(bucket.name(), "typed", UploadBody.ofPublisher(chunks(data, 4096), data.length),
                o -> o.contentType("application/x-typed")).block(TIMEOUT);

        assertThat(s3.headObject(bucket.name(), "typed").block(TIMEOUT).contentType())
                .isEqualTo("application/x-typed");
        assertThat(bucket.get("typed")).isEqualTo(data);
    }

    @S3Test
    void putObject_publisherOfUnknownLength_collectsThenStoresTheBytes(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(MIB + 7);

        StepVerifier.create(s3.putObject(bucket.name(), "unknown", UploadBody.ofPublisher(chunks(data, 48 * 1024))))
                .assertNext(r -> assertThat(r.size()).isEqualTo(data.length))
                .verifyComplete();
        assertThat(bucket.get("unknown")).isEqualTo(data);
    }

    @S3Test
    void putObject_unknownLengthOverTheLimit_failsAsInvalidInputAndSendsNothing(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        ByteBuffer mib = ByteBuffer.wrap(bytes(MIB)).asReadOnlyBuffer();
        long chunks = UploadBody.MAX_UNKNOWN_LENGTH / MIB + 1;
        Flux<ByteBuffer> body = Flux.range(0, (int) chunks).map(i -> mib.duplicate());

        StepVerifier.create(s3.putObject(bucket.name(), "too-big", UploadBody.ofPublisher(body)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("at most " + UploadBody.MAX_UNKNOWN_LENGTH + " bytes"))
                .verify(TIMEOUT);
        assertThat(target.requestLog().forBucket(bucket.name())).noneMatch(r -> r.method().equals("PUT"));
        assertThat(existsAtServer(target, bucket, "too-big")).isFalse();
    }

    @S3Test
    void putObject_stringInCharsetWithConsumerOptions_storesEncodedBytesAndHeaders(S3Target target,
                                                                                  TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        s3.putObject(bucket.name(), "latin1", UploadBody.ofString("\u00e9t\u00e9", StandardCharsets.ISO_8859_1),
                o -> o.metadata("origin", "test")).block(TIMEOUT);

        ObjectContent got = s3.getObject(bucket.name(), "latin1").block(TIMEOUT);
        assertThat(got.content()).containsExactly((byte) 0xE9, (byte) 't', (byte) 0xE9);
        assertThat(got.head().contentType()).isEqualToIgnoringWhitespace("text/plain; charset=iso-8859-1");
        assertThat(got.head().metadata()).containsEntry("origin", "test");
    }

    @S3Test
    void putObject_fileBodyTwice_sendsTheFileEachSubscription(S3Target target, TestBucket bucket,
                                                              @TempDir Path dir) throws Exception {
        ReactiveS3Client s3 = TargetClients.client(target);
        Path file = dir.resolve("replay.bin");
        Files.write(file, bytes(1000));
        Mono<PutObjectResult> put = s3.putObject(bucket.name(), "replay", UploadBody.ofFile(file));

        assertThat(put.block(TIMEOUT).size()).isEqualTo(1000);
        Files.write(file, bytes(1500));
        assertThat(put.block(TIMEOUT).size()).isEqualTo(1500);
        assertThat(bucket.get("replay")).isEqualTo(bytes(1500));
    }

    @S3Test
    void putObject_sdkRequestAndBody_storesObject(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        PutObjectRequest request = PutObjectRequest.builder().bucket(bucket.name()).key("sdk").contentType("a/b")
                .build();
        StepVerifier.create(s3.putObject(request, AsyncRequestBody.fromString("sdk body")))
                .assertNext(r -> assertThat(r.eTag()).isNotBlank())
                .verifyComplete();

        ObjectContent got = s3.getObject(bucket.name(), "sdk").block(TIMEOUT);
        assertThat(got.asUtf8String()).isEqualTo("sdk body");
        assertThat(got.head().contentType()).isEqualTo("a/b");
    }

    // ------------------------------------------------------------------ ranged and conditional reads

    @S3Test
    void getObject_ranges_returnTheBytesAndTheWholeObjectSize(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(10_000);
        bucket.put("ranged", data);

        ObjectContent first = s3.getObject(bucket.name(), "ranged", range(ByteRange.of(0, 99))).block(TIMEOUT);
        assertThat(first.content()).isEqualTo(Arrays.copyOfRange(data, 0, 100));
        assertThat(first.head().contentLength()).isEqualTo(100);
        assertThat(first.head().objectSize()).isEqualTo(10_000);

        ObjectContent middle = s3.getObject(bucket.name(), "ranged", range(ByteRange.of(5000, 5009))).block(TIMEOUT);
        assertThat(middle.content()).isEqualTo(Arrays.copyOfRange(data, 5000, 5010));

        ObjectContent tail = s3.getObject(bucket.name(), "ranged", range(ByteRange.from(9_990))).block(TIMEOUT);
        assertThat(tail.content()).isEqualTo(Arrays.copyOfRange(data, 9_990, 10_000));
        assertThat(tail.head().objectSize()).isEqualTo(10_000);

        ObjectContent suffix = s3.getObject(bucket.name(), "ranged", range(ByteRange.lastBytes(7))).block(TIMEOUT);
        assertThat(suffix.content()).isEqualTo(Arrays.copyOfRange(data, 9_993, 10_000));
        assertThat(suffix.head().contentLength()).isEqualTo(7);
        assertThat(suffix.head().objectSize()).isEqualTo(10_000);

        List<RecordedRequest> gets = target.requestLog().forBucket(bucket.name());
        assertThat(gets).extracting(r -> r.head().header("range").orElse(null))
                .containsExactly("bytes=0-99", "bytes=5000-5009", "bytes=9990-", "bytes=-7");
    }

    @S3Test
    void getObject_ifMatch_readsOnMatchAndFailsOtherwise(S3Target target, TestBucket bucket) {
        assumeConditionalReads(target);
        ReactiveS3Client s3 = TargetClients.client(target);
        String eTag = s3.putObject(bucket.name(), "cond", UploadBody.ofString("v1")).block(TIMEOUT).eTag();

        ObjectContent hit = s3.getObject(bucket.name(), "cond", GetObjectOptions.builder().ifMatch(eTag).build())
                .block(TIMEOUT);
        assertThat(hit.asUtf8String()).isEqualTo("v1");

        StepVerifier.create(s3.getObject(bucket.name(), "cond",
                        GetObjectOptions.builder().ifMatch("0123456789abcdef0123456789abcdef").build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(PreconditionFailedException.class)
                        .satisfies(p -> assertThat(((S3ServiceException) p).statusCode()).isEqualTo(412)))
                .verify(TIMEOUT);
    }

    @S3Test
    void getObject_ifNoneMatchWithCurrentETag_failsAsNotModified(S3Target target, TestBucket bucket) {
        assumeConditionalReads(target);
        ReactiveS3Client s3 = TargetClients.client(target);
        String eTag = s3.putObject(bucket.name(), "cond", UploadBody.ofString("v1")).block(TIMEOUT).eTag();

        StepVerifier.create(s3.getObject(bucket.name(), "cond", GetObjectOptions.builder().ifNoneMatch(eTag).build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotModifiedException.class)
                        .satisfies(p -> assertThat(((S3ServiceException) p).statusCode()).isEqualTo(304)))
                .verify(TIMEOUT);

        // a different ETag: the object is returned
        assertThat(s3.getObject(bucket.name(), "cond",
                GetObjectOptions.builder().ifNoneMatch("0123456789abcdef0123456789abcdef").build())
                .block(TIMEOUT).asUtf8String()).isEqualTo("v1");
    }

    @S3Test
    void getObject_dateConditions_areSent(S3Target target, TestBucket bucket) {
        assumeConditionalReads(target);
        ReactiveS3Client s3 = TargetClients.client(target);
        s3.putObject(bucket.name(), "dated", UploadBody.ofString("x")).block(TIMEOUT);
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");

        // modified since 2001: read
        assertThat(s3.getObject(bucket.name(), "dated", GetObjectOptions.builder().ifModifiedSince(longAgo).build())
                .block(TIMEOUT).asUtf8String()).isEqualTo("x");
        // unmodified since 2001: precondition failed
        StepVerifier.create(s3.getObject(bucket.name(), "dated",
                        GetObjectOptions.builder().ifUnmodifiedSince(longAgo).build()))
                .expectError(PreconditionFailedException.class)
                .verify(TIMEOUT);
        assertThat(target.requestLog().forBucket(bucket.name()))
                .filteredOn(r -> r.operation().equals("GetObject"))
                .extracting(r -> r.head().header("if-modified-since").isPresent()
                        || r.head().header("if-unmodified-since").isPresent())
                .containsExactly(true, true);
    }

    @S3Test(requires = Capability.VERSIONING)
    void getObject_versionId_readsThatVersion(S3Target target, TestBucket bucket) {
        enableVersioning(target, bucket);
        ReactiveS3Client s3 = TargetClients.client(target);
        String v1 = s3.putObject(bucket.name(), "doc", UploadBody.ofString("first")).block(TIMEOUT).versionId();
        String v2 = s3.putObject(bucket.name(), "doc", UploadBody.ofString("second")).block(TIMEOUT).versionId();
        assertThat(v1).isNotNull().isNotEqualTo(v2);

        ObjectContent old = s3.getObject(bucket.name(), "doc", GetObjectOptions.builder().versionId(v1).build())
                .block(TIMEOUT);
        assertThat(old.asUtf8String()).isEqualTo("first");
        assertThat(old.head().versionId()).isEqualTo(v1);
        assertThat(s3.headObject(bucket.name(), "doc").block(TIMEOUT).versionId()).isEqualTo(v2);

        StepVerifier.create(s3.deleteObject(bucket.name(), "doc", v1))
                .assertNext(d -> assertThat(d.versionId()).isEqualTo(v1))
                .verifyComplete();
        StepVerifier.create(s3.getObject(bucket.name(), "doc", GetObjectOptions.builder().versionId(v1).build()))
                .expectError(S3ServiceException.class)
                .verify(TIMEOUT);
    }

    @S3Test(requires = Capability.PART_NUMBER_GET)
    void getObject_partNumber_readsThatPart(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] part1 = bytes(5 * MIB);
        byte[] part2 = bytes(1000);
        var upload = s3.createMultipartUpload(bucket.name(), "parts", PutObjectOptions.defaults()).block(TIMEOUT);
        var p1 = s3.uploadPart(upload, 1, UploadBody.ofBytes(part1)).block(TIMEOUT);
        var p2 = s3.uploadPart(upload, 2, UploadBody.ofBytes(part2)).block(TIMEOUT);
        s3.completeMultipartUpload(upload, List.of(p1.toCompletedPart(), p2.toCompletedPart())).block(TIMEOUT);

        ObjectContent second = s3.getObject(bucket.name(), "parts", GetObjectOptions.builder().partNumber(2).build())
                .block(TIMEOUT);
        assertThat(second.content()).isEqualTo(part2);
        assertThat(second.head().partsCount()).isEqualTo(2);
        assertThat(second.head().objectSize()).isEqualTo(part1.length + part2.length);
    }

    // ------------------------------------------------------------------ head, exists

    @S3Test
    void headObject_existingAndMissing(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        bucket.put("present", bytes(123));

        StepVerifier.create(s3.headObject(bucket.name(), "present"))
                .assertNext(h -> {
                    assertThat(h.bucket()).isEqualTo(bucket.name());
                    assertThat(h.key()).isEqualTo("present");
                    assertThat(h.contentLength()).isEqualTo(123);
                    assertThat(h.objectSize()).isEqualTo(123);
                    assertThat(h.eTag()).isNotBlank().doesNotContain("\"");
                })
                .verifyComplete();
        StepVerifier.create(s3.headObject(bucket.name(), "absent", o -> o.versionId(null)))
                .expectError(ObjectNotFoundException.class)
                .verify(TIMEOUT);
        StepVerifier.create(s3.objectExists(bucket.name(), "present")).expectNext(true).verifyComplete();
        StepVerifier.create(s3.objectExists(bucket.name(), "absent")).expectNext(false).verifyComplete();
    }

    @S3Test
    void headObject_conditions_failWithPreconditionFailed(S3Target target, TestBucket bucket) {
        assumeConditionalReads(target);
        ReactiveS3Client s3 = TargetClients.client(target);
        String eTag = s3.putObject(bucket.name(), "h", UploadBody.ofString("body")).block(TIMEOUT).eTag();

        assertThat(s3.headObject(bucket.name(), "h", GetObjectOptions.builder().ifMatch(eTag).build())
                .block(TIMEOUT).eTag()).isEqualTo(eTag);
        StepVerifier.create(s3.headObject(bucket.name(), "h",
                        GetObjectOptions.builder().ifMatch("0123456789abcdef0123456789abcdef").build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(PreconditionFailedException.class)
                        .satisfies(p -> assertThat(((S3ServiceException) p).statusCode()).isEqualTo(412)))
                .verify(TIMEOUT);
        StepVerifier.create(s3.headObject(bucket.name(), "h", GetObjectOptions.builder().ifNoneMatch(eTag).build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotModifiedException.class)
                        .satisfies(p -> assertThat(((S3ServiceException) p).statusCode()).isEqualTo(304)))
                .verify(TIMEOUT);
    }

    // ------------------------------------------------------------------ streaming

    @S3Test
    void getObjectStream_slowSubscriberOneBufferAtATime_getsExactBytes(S3Target target, TestBucket bucket)
            throws InterruptedException {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(3 * MIB + 17);
        bucket.put("big", data);

        ObjectStream stream = s3.getObjectStream(bucket.name(), "big", GetObjectOptions.defaults()).block(TIMEOUT);
        assertThat(stream.head().contentLength()).isEqualTo(data.length);

        OneAtATime subscriber = new OneAtATime();
        stream.body().subscribe(subscriber);
        assertThat(subscriber.done.await(60, TimeUnit.SECONDS)).as("body completed").isTrue();
        assertThat(subscriber.error.get()).isNull();
        assertThat(subscriber.maxBeyondDemand.get()).as("buffers delivered beyond demand").isZero();
        assertThat(subscriber.bytes.toByteArray()).isEqualTo(data);
        assertThat(subscriber.buffers.get()).isGreaterThan(1);
    }

    @S3Test
    void getObjectStream_cancelMidway_nextRequestOnSameClientWorks(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(4 * MIB);
        bucket.put("big", data);
        bucket.put("small", "after cancel");

        ObjectStream stream = s3.getObjectStream(bucket.name(), "big", GetObjectOptions.defaults()).block(TIMEOUT);
        StepVerifier.create(stream.body(), 1)
                .expectNextCount(1)
                .thenCancel()
                .verify(TIMEOUT);
        // the body cannot be subscribed to again
        StepVerifier.create(stream.body()).expectError(IllegalStateException.class).verify(TIMEOUT);

        for (int i = 0; i < 3; i++) {
            assertThat(s3.getObject(bucket.name(), "small").block(TIMEOUT).asUtf8String()).isEqualTo("after cancel");
        }
        assertThat(s3.getObject(bucket.name(), "big").block(TIMEOUT).content()).isEqualTo(data);
    }

    @S3Test
    void getObjectStream_range_streamsTheRange(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(100_000);
        bucket.put("r", data);

        ObjectStream stream = s3.getObjectStream(GetObjectRequest.builder().bucket(bucket.name()).key("r")
                .range("bytes=1000-60999").build()).block(TIMEOUT);
        assertThat(stream.head().contentLength()).isEqualTo(60_000);
        assertThat(stream.head().objectSize()).isEqualTo(100_000);
        List<ByteBuffer> buffers = stream.body().collectList().block(TIMEOUT);
        assertThat(TestData.concat(buffers)).isEqualTo(Arrays.copyOfRange(data, 1000, 61_000));
    }

    @S3Test
    void getObjectStream_missingKey_failsBeforeAnyBody(S3Target target, TestBucket bucket) {
        StepVerifier.create(TargetClients.client(target).getObjectStream(bucket.name(), "nope",
                        GetObjectOptions.defaults()))
                .expectError(ObjectNotFoundException.class)
                .verify(TIMEOUT);
    }

    // ------------------------------------------------------------------ special keys, copy, delete

    @S3Test
    void specialKeys_putGetHeadListCopyDelete_roundTrip(S3Target target, TestBucket bucket, TestBucket other) {
        ReactiveS3Client s3 = TargetClients.client(target);
        // S3Proxy's filesystem store collapses "//" in keys to "/" (it stores "double/slash")
        List<String> keys = SPECIAL_KEYS.stream()
                .filter(k -> !(target.kind() == StoreKind.S3PROXY && k.contains("//"))).toList();
        for (String key : keys) {
            byte[] data = ("content of " + key).getBytes(StandardCharsets.UTF_8);
            s3.putObject(bucket.name(), key, UploadBody.ofBytes(data)).block(TIMEOUT);
            assertThat(s3.getObject(bucket.name(), key).block(TIMEOUT).content()).as("get %s", key).isEqualTo(data);
            assertThat(s3.headObject(bucket.name(), key).block(TIMEOUT).contentLength()).isEqualTo(data.length);
            assertThat(bucket.get(key)).as("fixture get %s", key).isEqualTo(data);

            s3.copyObject(bucket.name(), key, other.name(), "copy/" + key).block(TIMEOUT);
            assertThat(other.get("copy/" + key)).as("copy of %s", key).isEqualTo(data);
        }
        List<String> listed = s3.listObjects(bucket.name()).map(ListedObject::key)
                .collectList().block(TIMEOUT);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(keys);

        DeleteObjectsResult deleted = s3.deleteObjects(other.name(), keys.stream().map(k -> "copy/" + k).toList())
                .block(TIMEOUT);
        assertThat(deleted.deleted()).hasSize(keys.size());
        assertThat(other.keys()).isEmpty();
        for (String key : keys) {
            s3.deleteObject(bucket.name(), key).block(TIMEOUT);
        }
        assertThat(bucket.keys()).isEmpty();
    }

    @S3Test
    void copyObject_acrossBuckets_copiesBytesAndMetadata(S3Target target, TestBucket source, TestBucket destination) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(200_000);
        s3.putObject(source.name(), "src", UploadBody.ofBytes(data), PutObjectOptions.builder().contentType("image/png")
                .metadata("origin", "source").build()).block(TIMEOUT);

        ObjectCopyResult copied = s3.copyObject(source.name(), "src", destination.name(), "dst").block(TIMEOUT);
        assertThat(copied.eTag()).isNotBlank().doesNotContain("\"");

        ObjectContent got = s3.getObject(destination.name(), "dst").block(TIMEOUT);
        assertThat(got.content()).isEqualTo(data);
        assertThat(got.head().contentType()).isEqualTo("image/png");
        assertThat(got.head().metadata()).containsEntry("origin", "source");
    }

    @S3Test
    void copyObject_replaceMetadataAndStorageClass_sendsTheDirectives(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        s3.putObject(bucket.name(), "src", UploadBody.ofBytes("data".getBytes(StandardCharsets.UTF_8)),
                PutObjectOptions.builder().contentType("text/plain").metadata("old", "1").build()).block(TIMEOUT);

        CopyObjectOptions options = CopyObjectOptions.builder()
                .replaceMetadata("application/x-new", Map.of("new", "2"))
                .storageClass("STANDARD")
                .build();
        s3.copyObject(bucket.name(), "src", bucket.name(), "dst", options).block(TIMEOUT);

        ObjectHead head = s3.headObject(bucket.name(), "dst").block(TIMEOUT);
        assertThat(head.metadata()).containsEntry("new", "2").doesNotContainKey("old");
        if (target.kind() != StoreKind.LOCAL_S3) { // LocalS3 2.4 replaces the metadata but keeps the content type
            assertThat(head.contentType()).isEqualTo("application/x-new");
        }
        RecordedRequest copy = target.requestLog().forBucket(bucket.name()).stream()
                .filter(r -> r.operation().equals("CopyObject")).findFirst().orElseThrow();
        assertThat(copy.head().header("x-amz-metadata-directive")).contains("REPLACE");
        assertThat(copy.head().header("x-amz-storage-class")).contains("STANDARD");
        assertThat(copy.head().header("x-amz-copy-source")).contains(bucket.name() + "/src");
    }

    @S3Test(requires = Capability.ACL)
    void copyObject_withCannedAcl_appliesIt(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        bucket.put("src", "x");
        s3.copyObject(bucket.name(), "src", bucket.name(), "public",
                CopyObjectOptions.builder().acl(io.reactives3.core.model.CannedAcl.PUBLIC_READ).build()).block(TIMEOUT);

        var grants = target.fixtureClient().getObjectAcl(b -> b.bucket(bucket.name()).key("public")).grants();
        assertThat(grants).anyMatch(g -> g.grantee().uri() != null && g.grantee().uri().endsWith("AllUsers")
                && g.permissionAsString().equals("READ"));
    }

    @S3Test(requires = Capability.VERSIONING)
    void copyObject_sourceVersion_copiesThatVersion(S3Target target, TestBucket bucket) {
        enableVersioning(target, bucket);
        ReactiveS3Client s3 = TargetClients.client(target);
        String v1 = s3.putObject(bucket.name(), "src", UploadBody.ofString("one")).block(TIMEOUT).versionId();
        s3.putObject(bucket.name(), "src", UploadBody.ofString("two")).block(TIMEOUT);

        ObjectCopyResult copied = s3.copyObject(bucket.name(), "src", bucket.name(), "dst",
                CopyObjectOptions.builder().sourceVersionId(v1).build()).block(TIMEOUT);
        assertThat(new String(bucket.get("dst"), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(copied.eTag()).isNotBlank();
        // the copy is a new version (Ceph RGW 16.2 does not return x-amz-version-id on CopyObject: ask HEAD)
        assertThat(s3.headObject(bucket.name(), "dst").block(TIMEOUT).versionId()).isNotNull().isNotEqualTo(v1);
    }

    @S3Test
    void copyObject_consumerOptions_copiesWithThem(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        bucket.put("a b+c", "sdk copy");
        s3.copyObject(bucket.name(), "a b+c", bucket.name(), "copied",
                o -> o.replaceMetadata("text/x-copied", Map.of("copied", "yes"))).block(TIMEOUT);
        assertThat(s3.headObject(bucket.name(), "copied").block(TIMEOUT).metadata()).containsEntry("copied", "yes");
        assertThat(new String(bucket.get("copied"), StandardCharsets.UTF_8)).isEqualTo("sdk copy");
    }

    @S3Test
    void copyObject_missingSource_failsWithObjectNotFound(S3Target target, TestBucket bucket) {
        StepVerifier.create(TargetClients.client(target).copyObject(bucket.name(), "nope", bucket.name(), "dst"))
                .expectError(ObjectNotFoundException.class)
                .verify(TIMEOUT);
    }

    @S3Test
    void deleteObject_removesAndIsIdempotent(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        bucket.put("gone", "x");
        StepVerifier.create(s3.deleteObject(bucket.name(), "gone")).expectNextCount(1).verifyComplete();
        assertThat(bucket.keys()).isEmpty();
        // S3 answers success for a key that does not exist
        StepVerifier.create(s3.deleteObject(bucket.name(), "gone")).expectNextCount(1).verifyComplete();
    }

    @S3Test
    void deleteObjects_mixOfExistingAndMissingKeys_reportsPerKey(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        bucket.seed(5, i -> "k" + i);
        List<String> keys = List.of("k0", "k1", "k2", "missing-1", "missing 2+");

        DeleteObjectsResult result = s3.deleteObjects(bucket.name(), keys).block(TIMEOUT);
        // S3 reports a key that did not exist as deleted; errors are per key (none expected here)
        assertThat(result.errors()).isEmpty();
        assertThat(result.allDeleted()).isTrue();
        assertThat(result.deleted()).extracting(DeletedKey::key).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(bucket.keys()).containsExactlyInAnyOrder("k3", "k4");

        // DeleteObjects requires a checksum: SDK 2.57 sends CRC32, not Content-MD5, and every target accepts it
        RecordedRequest request = target.requestLog().forBucket(bucket.name()).stream()
                .filter(r -> r.operation().equals("DeleteObjects")).findFirst().orElseThrow();
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.head().header("x-amz-checksum-crc32")).isPresent();
        assertThat(request.head().header("content-md5")).isEmpty();
    }

    @S3Test(only = StoreKind.LOCAL_S3) // the one target here that answers per-key errors (the others report "deleted")
    void deleteObjects_perKeyErrors_areReportedAsData(S3Target target, TestBucket bucket) {
        enableVersioning(target, bucket);
        ReactiveS3Client s3 = TargetClients.client(target);
        String version = s3.putObject(bucket.name(), "present", UploadBody.ofString("x")).block(TIMEOUT).versionId();

        DeleteObjectsResult result = s3.deleteObjectVersions(bucket.name(), List.of(
                KeyVersion.of("present", version), KeyVersion.of("absent", "some-version"))).block(TIMEOUT);

        assertThat(result.allDeleted()).isFalse();
        assertThat(result.deleted()).extracting(DeletedKey::key, DeletedKey::versionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("present", version));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.key()).isEqualTo("absent");
            assertThat(error.versionId()).isEqualTo("some-version");
            assertThat(error.code()).isEqualTo("NoSuchKey");
            assertThat(error.message()).isNotBlank();
        });
    }

    @S3Test
    void deleteObjects_keysAndIdentifiers(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        bucket.seed(3, i -> "s" + i);
        DeleteObjectsResult byIds = s3.deleteObjectVersions(bucket.name(),
                List.of(KeyVersion.of("s0"))).block(TIMEOUT);
        assertThat(byIds.deleted()).extracting(DeletedKey::key).containsExactly("s0");

        DeleteObjectsResult byKeys = s3.deleteObjects(bucket.name(), List.of("s1", "s2")).block(TIMEOUT);
        assertThat(byKeys.deleted()).extracting(DeletedKey::key).containsExactlyInAnyOrder("s1", "s2");
        assertThat(bucket.keys()).isEmpty();

        // nothing to delete: no request at all
        long before = target.requestLog().count(bucket.name(), "DeleteObjects");
        assertThat(s3.deleteObjects(bucket.name(), List.of()).block(TIMEOUT).deleted()).isEmpty();
        assertThat(target.requestLog().count(bucket.name(), "DeleteObjects")).isEqualTo(before);
    }

    @S3Test
    void operations_subscribedOnANonBlockingThread_neverBlockIt(S3Target target, TestBucket bucket) throws Exception {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] data = bytes(MIB);
        Path file = Files.write(tempDir.resolve("nonblocking.bin"), data);

        // everything below is subscribed from a Reactor parallel thread, where BlockHound forbids blocking calls
        Mono<byte[]> chain = Mono.delay(Duration.ofMillis(1))
                .flatMap(tick -> s3.putObject(bucket.name(), "nb", UploadBody.ofFile(file)))
                .flatMap(put -> s3.headObject(bucket.name(), "nb"))
                .flatMap(head -> s3.getObjectStream(bucket.name(), "nb", GetObjectOptions.defaults()))
                .flatMap(stream -> stream.body().collectList().map(TestData::concat));
        StepVerifier.create(chain).assertNext(bytes -> assertThat(bytes).isEqualTo(data)).verifyComplete();
    }

    // ------------------------------------------------------------------ cold

    @S3Test
    void monos_areCold_nothingSentBeforeSubscribeAndResubscribeRepeats(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        Mono<PutObjectResult> put = s3.putObject(bucket.name(), "cold", UploadBody.ofString("x"));
        Mono<ObjectContent> get = s3.getObject(bucket.name(), "cold");
        Mono<ObjectHead> head = s3.headObject(bucket.name(), "cold");
        Mono<?> delete = s3.deleteObject(bucket.name(), "cold");
        assertThat(target.requestLog().forBucket(bucket.name())).isEmpty();

        put.block(TIMEOUT);
        put.block(TIMEOUT);
        get.block(TIMEOUT);
        head.block(TIMEOUT);
        delete.block(TIMEOUT);
        delete.block(TIMEOUT);
        assertThat(target.requestLog().forBucket(bucket.name())).extracting(RecordedRequest::operation)
                .containsExactly("PutObject", "PutObject", "GetObject", "HeadObject", "DeleteObject", "DeleteObject");
    }

    // ------------------------------------------------------------------ helpers

    /** LocalS3 2.4 ignores If-Match, If-None-Match and the date conditions on GET and HEAD. */
    static void assumeConditionalReads(S3Target target) {
        assumeTrue(target.kind() != StoreKind.LOCAL_S3, "LocalS3 2.4 ignores conditional request headers");
    }

    private static GetObjectOptions range(ByteRange range) {
        return GetObjectOptions.builder().range(range).build();
    }

    /** {@code data} as a cold Flux of {@code chunk}-sized buffers (re-subscribable, as SDK retries need). */
    static Flux<ByteBuffer> chunks(byte[] data, int chunk) {
        return Flux.range(0, (data.length + chunk - 1) / chunk)
                .map(i -> ByteBuffer.wrap(data, i * chunk, Math.min(chunk, data.length - i * chunk)).slice());
    }

    static boolean existsAtServer(S3Target target, TestBucket bucket, String key) {
        try {
            target.fixtureClient().headObject(b -> b.bucket(bucket.name()).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    static void enableVersioning(S3Target target, TestBucket bucket) {
        target.fixtureClient().putBucketVersioning(b -> b.bucket(bucket.name())
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    /**
     * Requests one buffer at a time, the next only 1 ms after the previous arrived (scheduled, never sleeping on the
     * delivering thread), and records the most buffers ever delivered beyond demand.
     */
    private static final class OneAtATime extends BaseSubscriber<ByteBuffer> {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final AtomicLong buffers = new AtomicLong();
        final AtomicLong maxBeyondDemand = new AtomicLong();
        private long requested;
        private long received;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            requestOne();
        }

        private synchronized void requestOne() {
            requested++;
            request(1);
        }

        @Override
        protected void hookOnNext(ByteBuffer buffer) {
            synchronized (this) {
                received++;
                maxBeyondDemand.accumulateAndGet(received - requested, Math::max);
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            buffers.incrementAndGet();
            Schedulers.parallel().schedule(this::requestOne, 1, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            error.set(throwable);
        }

        @Override
        protected void hookFinally(reactor.core.publisher.SignalType type) {
            done.countDown();
        }
    }
}
