package io.reactives3.core.model;

import io.reactives3.core.error.InvalidInputException;
import java.util.Objects;

/**
 * An uploaded part, as CompleteMultipartUpload needs it.
 *
 * @param partNumber part number, 1..10,000
 * @param eTag       the part's entity tag as returned by UploadPart (quotes removed)
 * @param checksum   the part's checksum as confirmed by the store ({@code CRC32=...}), or {@code null}
 * @param size       the part's size in bytes, or -1 if unknown
 */
public record UploadedPart(int partNumber, String eTag, String checksum, long size) {
    public UploadedPart {
        if (partNumber < 1 || partNumber > 10_000) {
            throw new InvalidInputException("partNumber must be within 1..10000, got " + partNumber);
        }
        Objects.requireNonNull(eTag, "eTag");
    }
}
