package io.reactives3.cli;

import io.reactives3.core.spi.Arguments;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A command argument: an S3 location {@code s3://bucket/key} (the key is taken as typed: no percent-decoding, so
 * {@code s3://b/a%20b} names the key {@code a%20b}) or a local path.
 *
 * @param bucket the bucket, or {@code null} for a local path
 * @param key    the key or prefix ({@code ""} for the bucket's root), or {@code null} for a local path
 * @param path   the local path, or {@code null} for an S3 location
 */
record Location(@Nullable String bucket, @Nullable String key, @Nullable Path path) {

    static Location parse(String argument) {
        if (argument.startsWith("s3://")) {
            String rest = argument.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (bucket.isEmpty()) {
                throw CliException.usage("no bucket in '" + argument + "': expected s3://bucket/key");
            }
            // refused here, once, rather than by each object of a recursive copy
            Arguments.bucket(bucket);
            return new Location(bucket, slash < 0 ? "" : rest.substring(slash + 1), null);
        }
        if (argument.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            throw CliException.usage("'" + argument + "' is neither s3://bucket/key nor a local path");
        }
        return new Location(null, null, Path.of(argument));
    }

    boolean isS3() {
        return bucket != null;
    }

    String bucketName() {
        if (bucket == null) {
            throw CliException.usage("'" + this + "' is a local path; expected s3://bucket/key");
        }
        return bucket;
    }

    String keyName() {
        return key == null ? "" : key;
    }

    Path localPath() {
        if (path == null) {
            throw CliException.usage("'" + this + "' is an S3 location; expected a local path");
        }
        return path;
    }

    /** The key as a folder: {@code ""} stays the root, anything else ends with {@code /}. */
    String folderPrefix() {
        String k = keyName();
        return k.isEmpty() || k.endsWith("/") ? k : k + "/";
    }

    /** The part after the last {@code /} of the key. */
    String baseName() {
        String k = keyName();
        return k.substring(k.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return isS3() ? "s3://" + bucket + "/" + key : String.valueOf(path);
    }
}
