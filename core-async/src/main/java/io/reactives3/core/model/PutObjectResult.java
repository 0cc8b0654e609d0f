package io.reactives3.core.model;

/**
 * A stored object.
 *
 * @param eTag      the entity tag as returned (quotes removed), or {@code null}
 * @param versionId the version id when the bucket is versioned, else {@code null}
 * @param checksum  the checksum the store confirmed ({@code CRC32=...}, {@code CRC32C=...}, ...), or {@code null}
 * @param size      the number of bytes sent
 */
public record PutObjectResult(String eTag, String versionId, String checksum, long size) {
}
