package io.reactives3.core.model;

/**
 * A deleted object (S3 answers success whether or not the key existed).
 *
 * @param versionId    the version deleted or the delete marker's version id (versioned buckets), or {@code null}
 * @param deleteMarker whether a delete marker was created or deleted
 */
public record DeleteObjectResult(String versionId, boolean deleteMarker) {
}
