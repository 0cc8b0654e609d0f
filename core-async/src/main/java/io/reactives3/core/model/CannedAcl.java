package io.reactives3.core.model;

/** The canned ACLs S3 defines for objects and buckets. */
public enum CannedAcl {
    PRIVATE("private"),
    PUBLIC_READ("public-read"),
    PUBLIC_READ_WRITE("public-read-write"),
    AUTHENTICATED_READ("authenticated-read"),
    AWS_EXEC_READ("aws-exec-read"),
    BUCKET_OWNER_READ("bucket-owner-read"),
    BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control");

    private final String header;

    CannedAcl(String header) {
        this.header = header;
    }

    /** The value of the {@code x-amz-acl} header, e.g. {@code public-read}. */
    public String headerValue() {
        return header;
    }
}
