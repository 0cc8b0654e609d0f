package io.reactives3.core.model;

import java.time.Instant;

/**
 * A part as listed by ListParts.
 *
 * @param partNumber   part number
 * @param size         size in bytes
 * @param eTag         entity tag, quotes removed
 * @param lastModified upload time, or {@code null}
 */
public record PartSummary(int partNumber, long size, String eTag, Instant lastModified) {
}
