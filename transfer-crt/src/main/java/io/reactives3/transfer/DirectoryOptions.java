package io.reactives3.transfer;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files or keys a directory transfer includes: glob patterns ({@link java.nio.file.FileSystem#getPathMatcher}
 * syntax, e.g. {@code **.csv}, {@code logs/**}) matched against the path relative to the directory / prefix with
 * {@code /} separators. A file is selected when it matches some include (or there are none) and no exclude.
 * Immutable; {@link #all()} selects everything.
 */
public final class DirectoryOptions {

    private static final DirectoryOptions ALL = new DirectoryOptions(List.of(), List.of());

    private final List<String> includes;
    private final List<String> excludes;
    private final List<PathMatcher> includeMatchers;
    private final List<PathMatcher> excludeMatchers;

    private DirectoryOptions(List<String> includes, List<String> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.includeMatchers = matchers(this.includes);
        this.excludeMatchers = matchers(this.excludes);
    }

    /** Everything. */
    public static DirectoryOptions all() {
        return ALL;
    }

    /** A copy that also includes paths matching {@code glob}. */
    public DirectoryOptions include(String glob) {
        List<String> next = new ArrayList<>(includes);
        next.add(glob);
        return new DirectoryOptions(next, excludes);
    }

    /** A copy that also excludes paths matching {@code glob}. */
    public DirectoryOptions exclude(String glob) {
        List<String> next = new ArrayList<>(excludes);
        next.add(glob);
        return new DirectoryOptions(includes, next);
    }

    /** The include globs. */
    public List<String> includes() {
        return includes;
    }

    /** The exclude globs. */
    public List<String> excludes() {
        return excludes;
    }

    /** Whether {@code relativePath} ({@code /}-separated) is selected. */
    public boolean selects(String relativePath) {
        Path path = Path.of(relativePath);
        boolean included = includeMatchers.isEmpty() || includeMatchers.stream().anyMatch(m -> m.matches(path));
        return included && excludeMatchers.stream().noneMatch(m -> m.matches(path));
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    @Override
    public String toString() {
        return "DirectoryOptions[includes=" + includes + ", excludes=" + excludes + "]";
    }
}
