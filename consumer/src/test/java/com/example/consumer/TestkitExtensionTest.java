package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;

/** The testkit's JUnit 5 extension under the JUnit that Spring Boot's BOM manages. */
class TestkitExtensionTest {

    @S3Test
    void putThenGetOnEachTarget(S3Target target, TestBucket bucket) {
        try (ReactiveS3Client s3 = ReactiveS3Client.builder().profile(StoreProfile.S3PROXY)
                .endpoint(target.endpoint()).region(target.region())
                .credentials(target.accessKey(), target.secretKey()).build()) {
            bucket.put("hello.txt", "hello from a consumer");

            assertThat(s3.getObject(bucket.name(), "hello.txt").block().asUtf8String())
                    .isEqualTo("hello from a consumer");
        }
    }
}
