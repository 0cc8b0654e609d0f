package io.reactives3.resource;

import static io.reactives3.resource.Filter.initiatedBefore;
import static io.reactives3.resource.Filter.prefix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Identity, equality and argument checks of resources and collections: pure logic, no request is ever sent (the
 * client points at a closed port, so any request would fail the test).
 */
class ResourceIdentityTest {

    private static ReactiveS3Client client;
    private static ReactiveS3 s3;

    @BeforeAll
    static void createService() {
        client = ReactiveS3Client.builder().endpoint(URI.create("http://127.0.0.1:9")).region(Region.US_EAST_1)
                .credentials("key", "secret").pathStyle(true).build();
        s3 = ReactiveS3.create(client);
    }

    @AfterAll
    static void closeService() {
        s3.close();
        client.close();
    }

    @Test
    void resources_sameIdentifiers_areEqualWithEqualHashes() {
        assertThat(s3.bucket("photos")).isEqualTo(s3.bucket("photos")).hasSameHashCodeAs(s3.bucket("photos"))
                .isNotEqualTo(s3.bucket("videos"));
        assertThat(s3.object("photos", "a.jpg")).isEqualTo(s3.bucket("photos").object("a.jpg"))
                .hasSameHashCodeAs(s3.bucket("photos").object("a.jpg"))
                .isNotEqualTo(s3.object("photos", "b.jpg")).isNotEqualTo(s3.object("videos", "a.jpg"));
        assertThat(s3.objectVersion("photos", "a.jpg", "v1")).isEqualTo(s3.object("photos", "a.jpg").version("v1"))
                .isNotEqualTo(s3.objectVersion("photos", "a.jpg", "v2"));
        assertThat(s3.multipartUpload("photos", "a.jpg", "u1"))
                .isEqualTo(s3.object("photos", "a.jpg").multipartUpload("u1"))
                .isNotEqualTo(s3.multipartUpload("photos", "a.jpg", "u2"));
        assertThat(s3.multipartUploadPart("photos", "a.jpg", "u1", 3))
                .isEqualTo(s3.multipartUpload("photos", "a.jpg", "u1").part(3))
                .isNotEqualTo(s3.multipartUploadPart("photos", "a.jpg", "u1", 4));
    }

    @Test
    void subresources_equalByTheirBucketOrObject_andNotAcrossKinds() {
        assertThat(s3.bucketAcl("photos")).isEqualTo(s3.bucket("photos").acl());
        assertThat(s3.objectAcl("photos", "a")).isEqualTo(s3.object("photos", "a").acl());
        assertThat(s3.bucketVersioning("photos")).isEqualTo(s3.bucket("photos").versioning());
        assertThat(s3.bucketTagging("photos")).isEqualTo(s3.bucket("photos").tagging());
        assertThat(s3.bucketPolicy("photos")).isEqualTo(s3.bucket("photos").policy());
        assertThat(s3.bucketLifecycleConfiguration("photos")).isEqualTo(s3.bucket("photos").lifecycleConfiguration());
        assertThat(s3.bucketCors("photos")).isEqualTo(s3.bucket("photos").cors());
        assertThat((Object) s3.bucketTagging("photos")).isNotEqualTo(s3.bucketPolicy("photos"));
        assertThat((Object) s3.bucket("photos")).isNotEqualTo(s3.bucketAcl("photos"));
    }

    @Test
    void factories_badIdentifiers_throwWhenCalled() {
        assertThatThrownBy(() -> s3.bucket("Not_A_Bucket")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Not_A_Bucket");
        assertThatThrownBy(() -> s3.bucket(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> s3.object("photos", "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> s3.object("photos", "k".repeat(1025))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> s3.multipartUploadPart("photos", "a", "u", 0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> s3.objectVersion("photos", "a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CopySource.of("Bad_Bucket", "k")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void actions_badArguments_throwWhenCalledNotWhenSubscribed() {
        S3Object object = s3.object("photos", "a");
        assertThatThrownBy(() -> object.presignedGet(Duration.ofDays(8))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> object.presignedGet(Duration.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> s3.bucket("photos").multipartUploads().abort(0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> object.copyFrom(CopySource.of("photos", "b", "v1"),
                CopyObjectOptions.builder().sourceVersionId("v2").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("v1").hasMessageContaining("v2");
    }

    @Test
    void collections_filterLimitPageSize_returnNewCollectionsAndCheckArguments() {
        ObjectCollection all = s3.bucket("photos").objects();
        ObjectCollection filtered = all.filter(prefix("2024/"));

        assertThat(filtered).isNotSameAs(all);
        assertThat(all.toString()).contains("prefix=null");
        assertThat(filtered.toString()).contains("prefix=2024/");
        assertThat(filtered.filter(prefix("2025/")).toString()).as("a later filter of a kind wins")
                .contains("prefix=2025/");
        assertThat(s3.bucket("photos").multipartUploads().filter(initiatedBefore(Instant.EPOCH)).toString())
                .contains("initiatedBefore=1970-01-01T00:00:00Z");
        assertThatThrownBy(() -> all.pageSize(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> all.pageSize(1001)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> all.limit(-1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Filter.delimiter("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> all.filter((Filter.ForObjects) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void copySource_withVersion_addsItToOptionsKeepingTheRest() {
        CopyObjectOptions options = CopyObjectOptions.builder().storageClass("STANDARD_IA")
                .replaceMetadata("text/plain", java.util.Map.of("a", "1")).build();

        CopyObjectOptions merged = CopySource.of("photos", "a", "v7").mergeInto(options);

        assertThat(merged.sourceVersionId()).isEqualTo("v7");
        assertThat(merged.storageClass()).isEqualTo("STANDARD_IA");
        assertThat(merged.replaceMetadata()).isTrue();
        assertThat(merged.metadata()).containsEntry("a", "1");
        assertThat(CopySource.of("photos", "a").mergeInto(options)).isSameAs(options);
    }
}
