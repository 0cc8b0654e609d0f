package io.reactives3.core.model;

import java.util.List;

/**
 * An access control list of a bucket or object.
 *
 * @param owner  the owner, or {@code null}
 * @param grants the grants
 */
public record AclResult(OwnerRef owner, List<AclGrant> grants) {
    public AclResult {
        grants = List.copyOf(grants);
    }

    /** Whether everyone may read (the canned {@code public-read} ACL or broader). */
    public boolean publicRead() {
        return grants.stream().anyMatch(g -> g.isPublic("READ") || g.isPublic("FULL_CONTROL"));
    }
}
