package io.reactives3.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.reactives3.testkit.junit.S3Test;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Keeps every target's capability declarations honest: for each capability, a declared one must work (its effect is
 * checked, not just a 200) and an undeclared one must fail (the store's NotImplemented or an equivalent refusal),
 * so the declarations cannot drift from what the servers do. Uses the plain AWS SDK through the recording proxy.
 */
class CapabilityTruthTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @S3Test
    void sigv4Auth_wrongSecret_refusedOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        try (S3Client wrong = client(target, target.accessKey(), target.secretKey() + "-wrong",
                RequestChecksumCalculation.WHEN_REQUIRED)) {
            Throwable failure = catchThrowable(() -> wrong.putObject(b -> b.bucket(bucket.name()).key("k"),
                    RequestBody.fromBytes(HELLO)));
            if (target.supports(Capability.SIGV4_AUTH)) {
                assertThat(failure).isInstanceOf(S3Exception.class);
                assertThat(((S3Exception) failure).statusCode()).isEqualTo(403);
            } else {
                assertThat(failure).as("a store without signature checks accepts any secret").isNull();
                assertThat(bucket.get("k")).isEqualTo(HELLO);
            }
        }
    }

    @S3Test
    void acl_cannedPublicRead_visibleInGrantsOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        bucket.put("acl", HELLO);
        S3Client s3 = client(target);
        expect(target, Capability.ACL, () -> {
            s3.putObjectAcl(b -> b.bucket(bucket.name()).key("acl").acl(ObjectCannedACL.PUBLIC_READ));
            boolean publicRead = s3.getObjectAcl(b -> b.bucket(bucket.name()).key("acl")).grants().stream()
                    .anyMatch(g -> g.grantee().type() == Type.GROUP && g.grantee().uri().endsWith("/AllUsers")
                            && g.permission() == Permission.READ);
            assertThat(publicRead).as("AllUsers READ grant after public-read").isTrue();
        });
    }

    @S3Test
    void versioning_enable_keepsTwoVersionsOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        S3Client s3 = client(target);
        expect(target, Capability.VERSIONING, () -> {
            s3.putBucketVersioning(b -> b.bucket(bucket.name())
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            assertThat(s3.getBucketVersioning(b -> b.bucket(bucket.name())).status())
                    .isEqualTo(BucketVersioningStatus.ENABLED);
            s3.putObject(b -> b.bucket(bucket.name()).key("v"), RequestBody.fromString("one"));
            s3.putObject(b -> b.bucket(bucket.name()).key("v"), RequestBody.fromString("two"));
            assertThat(s3.listObjectVersions(b -> b.bucket(bucket.name()).prefix("v")).versions()).hasSize(2);
        });
    }

    @S3Test
    void tagging_bucketAndObjectTags_roundTripOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        bucket.put("t", HELLO);
        S3Client s3 = client(target);
        expect(target, Capability.TAGGING, () -> {
            s3.putBucketTagging(b -> b.bucket(bucket.name()).tagging(t -> t.tagSet(tag("team", "storage"))));
            assertThat(s3.getBucketTagging(b -> b.bucket(bucket.name())).tagSet()).containsExactly(tag("team", "storage"));
            s3.putObjectTagging(b -> b.bucket(bucket.name()).key("t").tagging(t -> t.tagSet(tag("kind", "doc"))));
            assertThat(s3.getObjectTagging(b -> b.bucket(bucket.name()).key("t")).tagSet()).containsExactly(tag("kind", "doc"));
        });
    }

    @S3Test
    void bucketPolicy_putGet_roundTripOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        S3Client s3 = client(target);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::" + bucket.name()
                + "/*\"]}]}";
        expect(target, Capability.BUCKET_POLICY, () -> {
            s3.putBucketPolicy(b -> b.bucket(bucket.name()).policy(policy));
            assertThat(s3.getBucketPolicy(b -> b.bucket(bucket.name())).policy()).contains("PublicRead");
            s3.deleteBucketPolicy(b -> b.bucket(bucket.name()));
        });
    }

    @S3Test
    void lifecycle_putGet_roundTripOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        S3Client s3 = client(target);
        LifecycleRule rule = LifecycleRule.builder().id("expire-tmp").status(ExpirationStatus.ENABLED)
                .filter(LifecycleRuleFilter.builder().prefix("tmp/").build())
                .expiration(e -> e.days(1)).build();
        expect(target, Capability.LIFECYCLE, () -> {
            s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket.name()).lifecycleConfiguration(c -> c.rules(rule)));
            assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket.name())).rules())
                    .extracting(LifecycleRule::id).containsExactly("expire-tmp");
        });
    }

    @S3Test
    void cors_putGet_roundTripOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        S3Client s3 = client(target);
        CORSRule rule = CORSRule.builder().allowedOrigins("https://example.com").allowedMethods("GET", "PUT")
                .maxAgeSeconds(600).build();
        expect(target, Capability.CORS, () -> {
            s3.putBucketCors(b -> b.bucket(bucket.name()).corsConfiguration(c -> c.corsRules(rule)));
            assertThat(s3.getBucketCors(b -> b.bucket(bucket.name())).corsRules())
                    .singleElement().satisfies(r -> assertThat(r.allowedOrigins()).containsExactly("https://example.com"));
        });
    }

    @S3Test
    void flexibleChecksums_sdkDefaultUpload_acceptedOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        try (S3AsyncClient s3 = S3AsyncClient.builder().endpointOverride(target.endpoint()).region(target.region())
                .credentialsProvider(target.credentialsProvider()).forcePathStyle(target.pathStyle()).build()) {
            expect(target, Capability.FLEXIBLE_CHECKSUMS, () -> {
                s3.putObject(b -> b.bucket(bucket.name()).key("crc"), AsyncRequestBody.fromBytes(HELLO)).join();
                assertThat(bucket.get("crc")).isEqualTo(HELLO);
            });
        }
    }

    @S3Test
    void crtMultipart_elevenMiBUpload_worksOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        byte[] data = pseudoRandom(11 * 1024 * 1024);
        try (S3AsyncClient crt = S3AsyncClient.crtBuilder().endpointOverride(target.endpoint())
                .region(target.region()).credentialsProvider(target.credentialsProvider())
                .forcePathStyle(target.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .minimumPartSizeInBytes(5L * 1024 * 1024).thresholdInBytes(5L * 1024 * 1024).build()) {
            expect(target, Capability.CRT_MULTIPART, () -> {
                crt.putObject(b -> b.bucket(bucket.name()).key("big"), AsyncRequestBody.fromBytes(data)).join();
                assertThat(bucket.get("big")).isEqualTo(data);
                if (target.supports(Capability.REQUEST_LOG)) {
                    target.requestLog().awaitIdle(Duration.ofSeconds(10)); // the proxy records an exchange once it ends
                    assertThat(target.requestLog().count(bucket.name(), "UploadPart")).isEqualTo(3);
                }
            });
        }
    }

    @S3Test
    void partNumberGet_secondPartOfMultipartObject_worksOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        byte[] part1 = pseudoRandom(5 * 1024 * 1024);
        byte[] part2 = "tail".getBytes(StandardCharsets.UTF_8);
        S3Client fixture = target.fixtureClient();
        String uploadId = fixture.createMultipartUpload(b -> b.bucket(bucket.name()).key("mp")).uploadId();
        String e1 = fixture.uploadPart(b -> b.bucket(bucket.name()).key("mp").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part1)).eTag();
        String e2 = fixture.uploadPart(b -> b.bucket(bucket.name()).key("mp").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(part2)).eTag();
        fixture.completeMultipartUpload(b -> b.bucket(bucket.name()).key("mp").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build())));
        S3Client s3 = client(target);
        expect(target, Capability.PART_NUMBER_GET, () -> {
            ResponseBytes<GetObjectResponse> second = s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key("mp")
                    .partNumber(2));
            assertThat(second.asByteArray().length).as("bytes returned for part 2 (stores that ignore partNumber "
                    + "send the whole object)").isEqualTo(part2.length);
            assertThat(second.asByteArray()).isEqualTo(part2);
        });
    }

    @S3Test
    void requestLogAndFaults_availableOnlyWhereDeclared(S3Target target, TestBucket bucket) {
        S3Client s3 = client(target);
        if (!target.supports(Capability.REQUEST_LOG)) {
            assertThatThrownBy(target::requestLog).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(target::faults).isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        s3.putObject(b -> b.bucket(bucket.name()).key("logged"), RequestBody.fromBytes(HELLO));
        target.requestLog().awaitIdle(Duration.ofSeconds(10)); // the proxy records an exchange once it ends
        assertThat(target.requestLog().forBucket(bucket.name()))
                .extracting(RecordedRequest::operation, RecordedRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PutObject", 200));
        try (Faults.Injected fault = target.faults().add(Fault.onOperation("GetObject").respond(503, "SlowDown"))) {
            try (S3Client noRetry = client(target, target.accessKey(), target.secretKey(),
                    RequestChecksumCalculation.WHEN_REQUIRED, 1)) {
                Throwable failure = catchThrowable(() -> noRetry.getObjectAsBytes(b -> b.bucket(bucket.name()).key("logged")));
                assertThat(failure).isInstanceOf(S3Exception.class);
                assertThat(((S3Exception) failure).awsErrorDetails().errorCode()).isEqualTo("SlowDown");
            }
            assertThat(fault.applied()).isEqualTo(1);
        }
    }

    /** Runs {@code probe}; it must succeed when {@code target} declares {@code capability} and fail when it does not. */
    private static void expect(S3Target target, Capability capability, Runnable probe) {
        Throwable failure = catchThrowable(probe::run);
        if (target.supports(capability)) {
            if (failure != null) {
                throw new AssertionError(target.name() + " declares " + capability + " but it failed: " + failure,
                        failure);
            }
        } else {
            assertThat(failure).as(target.name() + " does not declare " + capability + ", so it must fail").isNotNull();
            System.out.println("[capability-truth] " + target.name() + " lacks " + capability + ": " + describe(failure));
        }
    }

    private static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && !(t instanceof S3Exception)) {
            t = t.getCause();
        }
        if (t instanceof S3Exception s3) {
            return s3.statusCode() + " " + (s3.awsErrorDetails() == null ? "" : s3.awsErrorDetails().errorCode());
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    static byte[] pseudoRandom(int size) {
        byte[] data = new byte[size];
        new java.util.Random(size).nextBytes(data);
        return data;
    }

    private static S3Client client(S3Target target) {
        return CLIENTS.computeIfAbsent(target, t -> client(t, t.accessKey(), t.secretKey(),
                RequestChecksumCalculation.WHEN_REQUIRED));
    }

    private static final java.util.Map<S3Target, S3Client> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static S3Client client(S3Target target, String accessKey, String secretKey,
                                   RequestChecksumCalculation checksums) {
        return client(target, accessKey, secretKey, checksums, 3);
    }

    private static S3Client client(S3Target target, String accessKey, String secretKey,
                                   RequestChecksumCalculation checksums, int attempts) {
        return S3Client.builder().endpointOverride(target.endpoint()).region(target.region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(target.pathStyle())
                .requestChecksumCalculation(checksums)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(attempts)))
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
                .build();
    }
}
