package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathsTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "/abs", "..", "a/..", "a/../b", "./y", "a//b", "a/./b", "a/",
            "", "a\\..\\..\\x", "C:x", "a\u0000b", "../../../../etc/passwd", "x/../../../etc/passwd"})
    void resolve_traversalOrAmbiguousKey_isRefused(String key) throws IOException {
        Path root = temp.resolve("root");
        Files.createDirectories(root);
        SafePaths.Decision decision = SafePaths.resolve(root.toRealPath(), key);
        assertThat(decision.allowed()).as(key).isFalse();
        assertThat(decision.refusal()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "a/b/c.txt", "..x", "x..", "a/...", "photos/2024/img 1.jpg", "ü/日本"})
    void resolve_plainKey_landsInsideTheRoot(String key) throws IOException {
        Path root = temp.resolve("root");
        Files.createDirectories(root);
        SafePaths.Decision decision = SafePaths.resolve(root.toRealPath(), key);
        assertThat(decision.allowed()).as(key).isTrue();
        assertThat(decision.path().startsWith(root.toRealPath())).isTrue();
        assertThat(decision.path()).isNotEqualTo(root.toRealPath());
    }

    @Test
    void resolve_throughASymlinkedDirectory_isRefusedEvenIfItPointsInside() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root")).toRealPath();
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createDirectories(root.resolve("inner"));
        Files.createSymbolicLink(root.resolve("inner-link"), root.resolve("inner"));

        assertThat(SafePaths.resolve(root, "link/file").refusal()).contains("symbolic link");
        assertThat(SafePaths.resolve(root, "inner-link/file").refusal()).contains("symbolic link");
    }

    @Test
    void resolve_fileThatIsASymlink_isRefused() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root")).toRealPath();
        Files.createSymbolicLink(root.resolve("passwd"), temp.resolve("target"));
        assertThat(SafePaths.resolve(root, "passwd").refusal()).contains("symbolic link");
    }

    @Test
    void resolve_aFileWhereADirectoryIsNeeded_isRefused() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root")).toRealPath();
        Files.writeString(root.resolve("a"), "x");
        assertThat(SafePaths.resolve(root, "a/b").refusal()).contains("not a directory");
    }

    @Test
    void resolve_existingRegularFile_isAllowed() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root")).toRealPath();
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a/b"), "x");
        assertThat(SafePaths.resolve(root, "a/b").path()).isEqualTo(root.resolve("a/b"));
    }
}
