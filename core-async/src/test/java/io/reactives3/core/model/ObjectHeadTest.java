package io.reactives3.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectHeadTest {

    @Test
    void builder_onlyBucketAndKey_leavesEverythingElseUnset() {
        ObjectHead head = ObjectHead.builder("b", "k").build();
        assertThat(head.bucket()).isEqualTo("b");
        assertThat(head.key()).isEqualTo("k");
        assertThat(head.contentLength()).isNull();
        assertThat(head.objectSize()).isNull();
        assertThat(head.partsCount()).isNull();
        assertThat(head.eTag()).isNull();
        assertThat(head.metadata()).isEmpty();
        assertThat(head.eTagMayBeDigest()).isTrue();
    }

    @Test
    void builder_copiesMetadata_andEqualHeadsAreEqual() {
        Map<String, String> metadata = new HashMap<>(Map.of("a", "1"));
        ObjectHead head = ObjectHead.builder("b", "k").contentLength(5L).objectSize(10L).partsCount(2).eTag("e")
                .metadata(metadata).serverSideEncryption("aws:kms").build();
        metadata.put("b", "2");
        assertThat(head.metadata()).containsExactly(Map.entry("a", "1"));
        assertThat(head.contentLength()).isEqualTo(5L);
        assertThat(head.objectSize()).isEqualTo(10L);
        assertThat(head.partsCount()).isEqualTo(2);
        assertThat(head.eTagMayBeDigest()).isFalse();
        ObjectHead same = ObjectHead.builder("b", "k").contentLength(5L).objectSize(10L).partsCount(2).eTag("e")
                .metadata(Map.of("a", "1")).serverSideEncryption("aws:kms").build();
        assertThat(same).isEqualTo(head).hasSameHashCodeAs(head);
        assertThat(ObjectHead.builder("b", "k").eTag("other").build()).isNotEqualTo(head);
    }

    @Test
    void builder_nullBucketOrKey_throwsNamingIt() {
        assertThatThrownBy(() -> ObjectHead.builder(null, "k")).hasMessageContaining("bucket");
        assertThatThrownBy(() -> ObjectHead.builder("b", null)).hasMessageContaining("key");
    }
}
