package io.reactives3.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags of a bucket or object.
 *
 * @param tags      the tag set
 * @param versionId for object tagging on versioned buckets: the version the tags belong to, else {@code null}
 */
public record TaggingResult(List<TagEntry> tags, String versionId) {
    public TaggingResult {
        tags = List.copyOf(tags);
    }

    /** The tags as an insertion-ordered map. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }
}
