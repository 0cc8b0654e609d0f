package io.reactives3.core.model;

import java.time.Instant;

/**
 * A server-side copy's outcome.
 *
 * @param eTag            the new object's entity tag, quotes removed, or {@code null}
 * @param lastModified    the new object's modification time, or {@code null}
 * @param versionId       the new object's version id (versioned buckets), or {@code null}
 * @param sourceVersionId the version that was copied, or {@code null}
 */
public record ObjectCopyResult(String eTag, Instant lastModified, String versionId, String sourceVersionId) {
}
