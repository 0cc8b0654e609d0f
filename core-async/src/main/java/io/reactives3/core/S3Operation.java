package io.reactives3.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The S3 request an {@link OperationDecorator} is wrapped around: the S3 API operation's name and, where the request
 * names them, the bucket and the key. Holds nothing secret (no headers, credentials or query parameters).
 *
 * @param name   the S3 API operation, as AWS names it: {@code GetObject}, {@code PutObject}, {@code ListObjectsV2},
 *               {@code UploadPart}, ...
 * @param bucket the bucket the request addresses, or {@code null} for a request without one ({@code ListBuckets})
 * @param key    the object key the request addresses, or {@code null} for a bucket-level request
 */
public record S3Operation(String name, @Nullable String bucket, @Nullable String key) {

    /** Checks that {@code name} is present. */
    public S3Operation {
        Objects.requireNonNull(name, "name");
    }
}
