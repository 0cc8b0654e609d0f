package io.reactives3.resource;

/**
 * An object's access control list (boto3's {@code ObjectAcl}), identified by bucket name and key. {@link #load()}
 * sends GetObjectAcl on first subscription and caches the answer in this instance; {@link #put} sends PutObjectAcl
 * and clears the cache.
 */
public final class ObjectAcl extends AclResource<S3Object> {

    ObjectAcl(S3Object object) {
        super(object, () -> object.context().client().getObjectAcl(object.bucketName(), object.key()),
                cannedAcl -> object.context().client().putObjectAcl(object.bucketName(), object.key(), cannedAcl));
    }

    /** The bucket name (an identifier). */
    public String bucketName() {
        return owner().bucketName();
    }

    /** The key (an identifier). */
    public String key() {
        return owner().key();
    }

    /** The object. */
    public S3Object object() {
        return owner();
    }
}
