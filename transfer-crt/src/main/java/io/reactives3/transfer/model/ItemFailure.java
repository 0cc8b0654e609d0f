package io.reactives3.transfer.model;

import java.util.Objects;

/**
 * A file or key a directory or batch job could not transfer.
 *
 * @param item  the relative path or key
 * @param error what went wrong (a typed toolkit exception, or an I/O error)
 */
public record ItemFailure(String item, Throwable error) {
    public ItemFailure {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(error, "error");
    }
}
