package io.reactives3.core.model;

/**
 * An uploaded part.
 *
 * @param partNumber part number
 * @param eTag       the part's entity tag, quotes removed
 * @param checksum   the checksum the store confirmed ({@code CRC32=...}), or {@code null}
 * @param size       bytes sent, or -1 for a copied part
 */
public record UploadPartResult(int partNumber, String eTag, String checksum, long size) {

    /** The part as CompleteMultipartUpload needs it. */
    public UploadedPart toCompletedPart() {
        return new UploadedPart(partNumber, eTag, checksum, size);
    }
}
