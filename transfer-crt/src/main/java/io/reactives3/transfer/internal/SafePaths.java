package io.reactives3.transfer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Where a key of a directory download may be written, or why it may not. The guard behind "never writes outside the
 * destination" (the CVE-2022-31159 class of bugs): a key is refused when, relative to the prefix, it
 * <ul>
 *   <li>is empty, absolute ({@code /x}), has a drive or backslash ({@code C:x}, {@code a\..\x}) or a NUL;</li>
 *   <li>has a {@code ..}, {@code .} or empty segment ({@code ../x}, {@code a/../../x}, {@code ..}, {@code a//b});</li>
 *   <li>resolves outside the destination after normalisation (belt and braces);</li>
 *   <li>passes through, or names, a symbolic link that exists in the destination (checked component by
 *       component without following links), or a component that exists but is not a directory.</li>
 * </ul>
 * The destination root itself is taken as the caller gave it (resolved to its real path once). The check runs on
 * the file system: call it from a thread that may block.
 */
final class SafePaths {

    private SafePaths() {
    }

    /** The outcome: a path to write, or the reason the key is skipped. */
    record Decision(Path path, String refusal) {
        static Decision write(Path path) {
            return new Decision(path, null);
        }

        static Decision refuse(String reason) {
            return new Decision(null, reason);
        }

        boolean allowed() {
            return path != null;
        }
    }

    /** Checks the shape of {@code relativeKey} alone (no file system access); empty when acceptable. */
    static Optional<String> shapeProblem(String relativeKey) {
        if (relativeKey.isEmpty()) {
            return Optional.of("empty name below the prefix");
        }
        if (relativeKey.startsWith("/")) {
            return Optional.of("absolute path");
        }
        if (relativeKey.indexOf('\\') >= 0 || relativeKey.indexOf('\0') >= 0) {
            return Optional.of("backslash or NUL in the key");
        }
        if (relativeKey.length() >= 2 && relativeKey.charAt(1) == ':') {
            return Optional.of("drive letter in the key");
        }
        for (String segment : relativeKey.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("'..' segment would leave the destination");
            }
            if (segment.equals(".") || segment.isEmpty()) {
                return Optional.of("'.' or empty path segment");
            }
        }
        return Optional.empty();
    }

    /**
     * Decides where {@code relativeKey} ({@code /}-separated, already stripped of the prefix) goes below
     * {@code root} (an absolute, real directory path).
     */
    static Decision resolve(Path root, String relativeKey) {
        Optional<String> problem = shapeProblem(relativeKey);
        if (problem.isPresent()) {
            return Decision.refuse(problem.get());
        }
        Path target = root;
        for (String segment : relativeKey.split("/")) {
            target = target.resolve(segment);
        }
        target = target.normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            return Decision.refuse("resolves outside the destination");
        }
        Path current = root;
        Path relative = root.relativize(target);
        for (int i = 0; i < relative.getNameCount(); i++) {
            current = current.resolve(relative.getName(i));
            boolean last = i == relative.getNameCount() - 1;
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException missing) {
                break; // nothing exists from here on: nothing to follow
            }
            if (attributes.isSymbolicLink()) {
                return Decision.refuse("symbolic link in the destination: " + root.relativize(current));
            }
            if (!last && !attributes.isDirectory()) {
                return Decision.refuse("not a directory in the destination: " + root.relativize(current));
            }
            if (last && attributes.isDirectory()) {
                return Decision.refuse("a directory exists where the file would go");
            }
        }
        return Decision.write(target);
    }
}
