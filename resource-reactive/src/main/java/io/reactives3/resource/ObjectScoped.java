package io.reactives3.resource;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * A resource that belongs to one object and takes its bucket name and key from it: a listing's summary of the
 * object, one of its versions, an unfinished multipart upload to it. Its identifiers are the object's and its own
 * (a version id, an upload id).
 */
abstract class ObjectScoped extends Resource {

    private final S3Object object;

    /**
     * @param object      the object
     * @param detail      what {@code toString} shows after {@code bucket/key}, e.g. {@code ?versionId=3}
     * @param identifiers this resource's own identifiers, none {@code null}
     */
    ObjectScoped(S3Object object, String detail, Object... identifiers) {
        super(Objects.requireNonNull(object, "object").bucketName() + "/" + object.key() + detail,
                Stream.concat(Stream.of(object), Stream.of(identifiers)).toArray());
        this.object = object;
    }

    /** The bucket name (an identifier). */
    public String bucketName() {
        return object.bucketName();
    }

    /** The key (an identifier). */
    public String key() {
        return object.key();
    }

    /** The object (its attributes load lazily, cached in the returned instance). */
    public S3Object object() {
        return object;
    }

    /** The client and engine the requests go through. */
    final Context context() {
        return object.context();
    }
}
