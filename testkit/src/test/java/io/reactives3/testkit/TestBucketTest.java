package io.reactives3.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.junit.S3Test;
import java.util.List;

/** The fixture helpers tests rely on work on every target, edge cases included. */
class TestBucketTest {

    @S3Test
    void put_emptyAndSmallObjects_readBackExactly(S3Target target, TestBucket bucket) {
        bucket.put("empty", new byte[0]);
        bucket.put("small", "content");

        assertThat(bucket.get("empty")).isEmpty();
        assertThat(new String(bucket.get("small"))).isEqualTo("content");
        assertThat(bucket.keys()).containsExactly("empty", "small");
    }

    @S3Test
    void seed_manyKeys_allListedAndRemovedOnClose(S3Target target) {
        TestBucket bucket = TestBucket.create(target, "seed");
        List<String> keys = bucket.seed(250, i -> String.format("k%03d", i));

        assertThat(bucket.keys()).containsExactlyElementsOf(keys);
        bucket.close();
        assertThat(target.fixtureClient().listBuckets().buckets()).extracting(b -> b.name())
                .doesNotContain(bucket.name());
    }
}
