package io.reactives3.resource;

import io.reactives3.core.model.DeleteObjectResult;
import io.reactives3.core.model.ObjectContent;
import io.reactives3.core.model.OwnerRef;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * An object as a listing described it (boto3's {@code ObjectSummary}): identified by bucket name and key, with the
 * attributes the listing carried, available without further requests. Equal to any other {@code ObjectSummary}
 * with the same bucket and key. For the object's full head (content type, user metadata) use {@link #object()}.
 */
public final class ObjectSummary extends ObjectScoped {

    private final io.reactives3.core.model.ListedObject listed;

    ObjectSummary(Context context, String bucketName, io.reactives3.core.model.ListedObject listed) {
        super(new S3Object(context, bucketName, listed.key()), ", " + listed.size() + " bytes");
        this.listed = listed;
    }

    /** Size in bytes, as listed. */
    public long size() {
        return listed.size();
    }

    /** Last modification time as listed, or {@code null}. */
    public Instant lastModified() {
        return listed.lastModified();
    }

    /** Entity tag as listed (quotes removed), or {@code null}. */
    public String eTag() {
        return listed.eTag();
    }

    /** Storage class as listed, or {@code null}. */
    public String storageClass() {
        return listed.storageClass();
    }

    /** OwnerRef, when the listing asked for it, else {@code null}. */
    public OwnerRef owner() {
        return listed.owner();
    }

    /** The listing entry as the client's record. */
    public io.reactives3.core.model.ListedObject listing() {
        return listed;
    }

    /** The bucket holding the object. */
    public Bucket bucket() {
        return object().bucket();
    }

    /** The object's access control list. */
    public ObjectAcl acl() {
        return object().acl();
    }

    /** Reads the whole object into memory (one GetObject). */
    public Mono<ObjectContent> get() {
        return object().get();
    }

    /** Deletes the object (its latest version). */
    public Mono<DeleteObjectResult> delete() {
        return object().delete();
    }
}
