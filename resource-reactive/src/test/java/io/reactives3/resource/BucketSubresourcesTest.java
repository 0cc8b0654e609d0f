package io.reactives3.resource;

import static io.reactives3.resource.Filter.prefix;
import static io.reactives3.resource.ResourceTargets.TIMEOUT;
import static io.reactives3.resource.ResourceTargets.requests;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.CorsRule;
import io.reactives3.core.model.BucketLifecycleRule;
import io.reactives3.core.model.ObjectVersionSummary;
import io.reactives3.core.model.TagEntry;
import io.reactives3.core.model.VersioningStatus;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.BatchDeleteResult;
import java.util.List;
import java.util.Map;
import reactor.test.StepVerifier;

/** The bucket's sub-resources: ACL, versioning (with object versions), tagging, policy, lifecycle, CORS. */
class BucketSubresourcesTest {

    @S3Test(requires = Capability.ACL)
    void bucketAcl_putPublicRead_grantsEveryoneRead(S3Target target, TestBucket bucket) {
        BucketAcl acl = ResourceTargets.s3(target).bucketAcl(bucket.name());
        assertThat(acl.load().block(TIMEOUT).publicRead()).isFalse();

        StepVerifier.create(acl.put(CannedAcl.PUBLIC_READ)).expectComplete().verify(TIMEOUT);

        assertThat(acl.load().block(TIMEOUT).publicRead()).isTrue();
    }

    @S3Test(requires = Capability.VERSIONING)
    void bucketVersioning_enableThenSuspend_statusFollows(S3Target target, TestBucket bucket) {
        BucketVersioning versioning = ResourceTargets.s3(target).bucketVersioning(bucket.name());
        assertThat(versioning.status().block(TIMEOUT)).isEqualTo(VersioningStatus.UNVERSIONED);
        target.requestLog().clear();
        assertThat(versioning.status().block(TIMEOUT)).isEqualTo(VersioningStatus.UNVERSIONED);
        assertThat(requests(target, bucket.name(), "GetBucketVersioning")).as("status is cached").isEmpty();

        StepVerifier.create(versioning.enable()).expectComplete().verify(TIMEOUT);
        assertThat(versioning.status().block(TIMEOUT)).isEqualTo(VersioningStatus.ENABLED);

        StepVerifier.create(versioning.suspend()).expectComplete().verify(TIMEOUT);
        assertThat(versioning.status().block(TIMEOUT)).isEqualTo(VersioningStatus.SUSPENDED);
        assertThat(ResourceTargets.s3(target).bucket(bucket.name()).versioning().reload().block(TIMEOUT).status())
                .isEqualTo(VersioningStatus.SUSPENDED);
    }

    @S3Test(requires = Capability.VERSIONING)
    void objectVersions_versionedBucket_listsEveryVersionAndReadsOldOnes(S3Target target, TestBucket bucket) {
        ReactiveS3 s3 = ResourceTargets.s3(target);
        Bucket resource = s3.bucket(bucket.name());
        resource.versioning().enable().block(TIMEOUT);
        resource.putObject("doc", "v1").block(TIMEOUT);
        resource.putObject("doc", "v2").block(TIMEOUT);
        resource.putObject("other", "o").block(TIMEOUT);

        List<ObjectVersion> versions = resource.objectVersions().filter(prefix("doc")).all().collectList()
                .block(TIMEOUT);

        assertThat(versions).hasSize(2).allSatisfy(v -> assertThat(v.key()).isEqualTo("doc"));
        ObjectVersion latest = versions.stream().filter(v -> v.summary().orElseThrow().latest()).findFirst()
                .orElseThrow();
        ObjectVersion older = versions.stream().filter(v -> !v.equals(latest)).findFirst().orElseThrow();
        assertThat(latest.get().block(TIMEOUT).asUtf8String()).isEqualTo("v2");
        assertThat(older.get().block(TIMEOUT).asUtf8String()).isEqualTo("v1");
        assertThat(older.head().block(TIMEOUT).versionId()).isEqualTo(older.versionId());
        assertThat(s3.objectVersion(bucket.name(), "doc", older.versionId())).isEqualTo(older);

        StepVerifier.create(older.delete()).expectNextCount(1).expectComplete().verify(TIMEOUT);
        assertThat(resource.objectVersions().filter(prefix("doc")).all().collectList().block(TIMEOUT))
                .containsExactly(latest);

        target.requestLog().clear();
        assertThat(resource.objectVersions().pageSize(1).limit(2).all().collectList().block(TIMEOUT)).hasSize(2);
        // "doc" (1 version left) and "other": one request per version, each asking for one
        assertThat(ResourceTargets.param(requests(target, bucket.name(), "ListObjectVersions"), "max-keys"))
                .containsExactly("1", "1");
    }

    @S3Test(requires = Capability.VERSIONING)
    void objectVersionsDelete_versionsAndDeleteMarkers_leavesNothing(S3Target target, TestBucket bucket) {
        Bucket resource = ResourceTargets.s3(target).bucket(bucket.name());
        resource.versioning().enable().block(TIMEOUT);
        resource.putObject("a", "1").block(TIMEOUT);
        resource.putObject("a", "2").block(TIMEOUT);
        resource.object("a").delete().block(TIMEOUT);
        assertThat(resource.objectVersions().all().collectList().block(TIMEOUT))
                .filteredOn(v -> v.summary().map(ObjectVersionSummary::deleteMarker).orElse(false)).hasSize(1);

        BatchDeleteResult result = resource.objectVersions().delete().result().block(TIMEOUT);

        assertThat(result.errors()).isEmpty();
        assertThat(result.deleted()).isEqualTo(3);
        assertThat(resource.objectVersions().all().collectList().block(TIMEOUT)).isEmpty();
    }

    @S3Test(requires = Capability.TAGGING)
    void bucketTagging_putThenDelete_tagSetFollows(S3Target target, TestBucket bucket) {
        BucketTagging tagging = ResourceTargets.s3(target).bucketTagging(bucket.name());
        assertThat(tagging.tagSet().block(TIMEOUT)).isEmpty();

        StepVerifier.create(tagging.put(Map.of("team", "storage", "env", "test"))).expectComplete().verify(TIMEOUT);

        assertThat(tagging.tagSet().block(TIMEOUT))
                .containsExactlyInAnyOrder(new TagEntry("team", "storage"), new TagEntry("env", "test"));
        assertThat(ResourceTargets.s3(target).bucket(bucket.name()).tagging().load().block(TIMEOUT).asMap())
                .containsEntry("team", "storage");

        StepVerifier.create(tagging.delete()).expectComplete().verify(TIMEOUT);
        assertThat(tagging.tagSet().block(TIMEOUT)).isEmpty();
    }

    @S3Test(requires = Capability.BUCKET_POLICY)
    void bucketPolicy_putThenDelete_policyFollows(S3Target target, TestBucket bucket) {
        BucketPolicy policy = ResourceTargets.s3(target).bucketPolicy(bucket.name());
        StepVerifier.create(policy.policy()).expectComplete().verify(TIMEOUT);
        String json = """
                {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",\
                "Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}]}""".formatted(bucket.name());

        StepVerifier.create(policy.put(json)).expectComplete().verify(TIMEOUT);

        assertThat(policy.policy().block(TIMEOUT)).contains("PublicRead").contains(bucket.name());
        StepVerifier.create(policy.delete()).expectComplete().verify(TIMEOUT);
        StepVerifier.create(policy.reload()).expectComplete().verify(TIMEOUT);
    }

    @S3Test(requires = Capability.LIFECYCLE)
    void bucketLifecycleConfiguration_putThenDelete_rulesFollow(S3Target target, TestBucket bucket) {
        BucketLifecycleConfiguration lifecycle = ResourceTargets.s3(target)
                .bucketLifecycleConfiguration(bucket.name());
        assertThat(lifecycle.rules().block(TIMEOUT)).isEmpty();
        BucketLifecycleRule rule = BucketLifecycleRule.builder().id("expire-tmp").prefix("tmp/").expirationDays(1).build();

        StepVerifier.create(lifecycle.put(List.of(rule))).expectComplete().verify(TIMEOUT);

        assertThat(lifecycle.rules().block(TIMEOUT)).singleElement()
                .satisfies(r -> {
                    assertThat(r.id()).isEqualTo("expire-tmp");
                    assertThat(r.prefix()).isEqualTo("tmp/");
                    assertThat(r.expirationDays()).isEqualTo(1);
                });
        StepVerifier.create(lifecycle.delete()).expectComplete().verify(TIMEOUT);
        assertThat(lifecycle.rules().block(TIMEOUT)).isEmpty();
    }

    @S3Test(requires = Capability.CORS)
    void bucketCors_putThenDelete_corsRulesFollow(S3Target target, TestBucket bucket) {
        BucketCors cors = ResourceTargets.s3(target).bucketCors(bucket.name());
        assertThat(cors.corsRules().block(TIMEOUT)).isEmpty();
        CorsRule rule = CorsRule.builder().allowedOrigins("https://example.com").allowedMethods("GET", "PUT")
                .maxAgeSeconds(600).build();

        StepVerifier.create(cors.put(List.of(rule))).expectComplete().verify(TIMEOUT);

        assertThat(cors.corsRules().block(TIMEOUT)).singleElement().satisfies(r -> {
            assertThat(r.allowedOrigins()).containsExactly("https://example.com");
            assertThat(r.allowedMethods()).containsExactlyInAnyOrder("GET", "PUT");
        });
        StepVerifier.create(cors.delete()).expectComplete().verify(TIMEOUT);
        assertThat(cors.corsRules().block(TIMEOUT)).isEmpty();
    }
}
