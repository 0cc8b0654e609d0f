package io.reactives3.transfer.model;

import io.reactives3.core.model.DeleteError;
import java.util.List;

/**
 * A finished batched delete: per-key failures are data. The counts are exact; the errors kept are the first 1,000,
 * so that a job over millions of keys holds a bounded result.
 *
 * @param deleted  keys (or versions) removed
 * @param failed   keys not removed
 * @param errors   the first (up to 1,000) keys not removed, with the store's error code
 * @param requests DeleteObjects requests sent
 */
public record BatchDeleteResult(long deleted, long failed, List<DeleteError> errors, int requests) {
    public BatchDeleteResult {
        errors = List.copyOf(errors);
    }

    /** Whether every key was removed. */
    public boolean allDeleted() {
        return failed == 0;
    }
}
