package io.reactives3.core.model;

/** A bucket's versioning state. */
public enum VersioningStatus {
    /** Versioning was never enabled on the bucket. */
    UNVERSIONED,
    /** New writes create versions. */
    ENABLED,
    /** Versioning was enabled and is now suspended: existing versions stay, new writes get the {@code null} version. */
    SUSPENDED
}
