package io.reactives3.resource;

import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.model.DeleteObjectResult;
import io.reactives3.core.model.ObjectContent;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.ObjectVersionSummary;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * One version (or delete marker) of an object, identified by bucket name, key and version id (boto3's
 * {@code ObjectVersion}). Equal to any other {@code ObjectVersion} with the same identifiers. Versions emitted by
 * {@link Bucket#objectVersions()} also carry what the listing said ({@link #summary()}).
 */
public final class ObjectVersion {

    private final Context context;
    private final String bucketName;
    private final String key;
    private final String versionId;
    private final ObjectVersionSummary listed;

    ObjectVersion(Context context, String bucketName, String key, String versionId, ObjectVersionSummary listed) {
        this.context = context;
        this.bucketName = Arguments.bucket(bucketName);
        this.key = Arguments.key(key);
        this.versionId = Objects.requireNonNull(versionId, "versionId must not be null");
        this.listed = listed;
    }

    /** The bucket name (an identifier). */
    public String bucketName() {
        return bucketName;
    }

    /** The key (an identifier). */
    public String key() {
        return key;
    }

    /** The version id (an identifier; {@code "null"} for objects written before versioning was enabled). */
    public String versionId() {
        return versionId;
    }

    /**
     * What the listing said about this version (latest?, delete marker?, size, ...), or empty when this version was
     * made from identifiers ({@link ReactiveS3#objectVersion}).
     */
    public Optional<ObjectVersionSummary> summary() {
        return Optional.ofNullable(listed);
    }

    /** Emits this version's head (HeadObject with {@code versionId}; not cached). */
    public Mono<ObjectHead> head() {
        return context.client().headObject(bucketName, key, GetObjectOptions.builder().versionId(versionId).build());
    }

    /** Reads this version into memory (one GetObject with {@code versionId}). */
    public Mono<ObjectContent> get() {
        return context.client().getObject(bucketName, key, GetObjectOptions.builder().versionId(versionId).build());
    }

    /** Deletes this version permanently (or removes this delete marker). */
    public Mono<DeleteObjectResult> delete() {
        return context.client().deleteObject(bucketName, key, versionId);
    }

    /** The object this is a version of. */
    public S3Object object() {
        return new S3Object(context, bucketName, key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectVersion other && bucketName.equals(other.bucketName) && key.equals(other.key)
                && versionId.equals(other.versionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucketName, key, versionId);
    }

    @Override
    public String toString() {
        return "ObjectVersion[" + bucketName + "/" + key + "?versionId=" + versionId + "]";
    }
}
