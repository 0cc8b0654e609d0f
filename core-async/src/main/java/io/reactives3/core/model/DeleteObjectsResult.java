package io.reactives3.core.model;

import java.util.List;

/**
 * The outcome of one DeleteObjects request, per key.
 *
 * @param deleted the keys removed (empty in quiet mode, where only errors are reported)
 * @param errors  the keys not removed, with the reason
 */
public record DeleteObjectsResult(List<DeletedKey> deleted, List<DeleteError> errors) {
    public DeleteObjectsResult {
        deleted = List.copyOf(deleted);
        errors = List.copyOf(errors);
    }

    /** Whether every key was removed. */
    public boolean allDeleted() {
        return errors.isEmpty();
    }
}
