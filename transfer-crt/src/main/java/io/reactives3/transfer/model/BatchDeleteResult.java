package io.reactives3.transfer.model;

import io.reactives3.core.model.DeleteError;
import java.util.List;

/**
 * A finished batched delete: per-key failures are data.
 *
 * @param deleted  keys (or versions) removed
 * @param errors   keys not removed, with the store's error code
 * @param requests DeleteObjects requests sent
 */
public record BatchDeleteResult(long deleted, List<DeleteError> errors, int requests) {
    public BatchDeleteResult {
        errors = List.copyOf(errors);
    }

    /** Whether every key was removed. */
    public boolean allDeleted() {
        return errors.isEmpty();
    }
}
