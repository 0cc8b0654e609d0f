package io.reactives3.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One page of a ListObjectVersions listing.
 *
 * @param bucket              bucket name
 * @param prefix              the prefix asked for, or {@code null}
 * @param delimiter           the delimiter asked for, or {@code null}
 * @param versions            versions and delete markers, in key order, newest version first within a key
 * @param commonPrefixes      with a delimiter: the rolled-up "folders"
 * @param truncated           whether more pages follow
 * @param nextKeyMarker       where the next page starts (key), or {@code null}
 * @param nextVersionIdMarker where the next page starts (version), or {@code null}
 */
public record ListObjectVersionsPage(String bucket, String prefix, String delimiter,
                                     List<ObjectVersionSummary> versions, List<String> commonPrefixes,
                                     boolean truncated, String nextKeyMarker, String nextVersionIdMarker) {
    public ListObjectVersionsPage {
        Objects.requireNonNull(bucket, "bucket");
        versions = List.copyOf(versions);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
