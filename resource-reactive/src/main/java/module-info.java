/**
 * reactive-s3's resource model: {@link io.reactives3.resource.ReactiveS3}, buckets, objects and their
 * sub-resources, and collections that page on demand; records in {@code io.reactives3.resource.model}.
 */
@SuppressWarnings("module") // the SDK is made of automatic modules
module io.reactives3.resource {
    exports io.reactives3.resource;
    exports io.reactives3.resource.model;

    requires transitive io.reactives3.core;
    requires transitive io.reactives3.transfer;
}
