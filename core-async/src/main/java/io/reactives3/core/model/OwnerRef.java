package io.reactives3.core.model;

/**
 * The owner of a bucket or object.
 *
 * @param id          canonical user id, or {@code null}
 * @param displayName display name, or {@code null} (AWS no longer returns it in most regions)
 */
public record OwnerRef(String id, String displayName) {
}
