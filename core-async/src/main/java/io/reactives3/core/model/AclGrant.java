package io.reactives3.core.model;

import java.util.Objects;

/**
 * One grant of an access control list.
 *
 * @param granteeType {@code CanonicalUser}, {@code Group} or {@code AmazonCustomerByEmail}
 * @param granteeId   canonical id, group URI or e-mail, whichever the type uses
 * @param displayName display name, or {@code null}
 * @param permission  {@code FULL_CONTROL}, {@code READ}, {@code WRITE}, {@code READ_ACP} or {@code WRITE_ACP}
 */
public record AclGrant(String granteeType, String granteeId, String displayName, String permission) {
    /** The group URI S3 uses for "everyone". */
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

    public AclGrant {
        Objects.requireNonNull(permission, "permission");
    }

    /** Whether this grant gives everyone (the AllUsers group) {@code permission}. */
    public boolean isPublic(String permission) {
        return ALL_USERS.equals(granteeId) && this.permission.equals(permission);
    }
}
