package io.reactives3.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.crt.CRT;

/** The CRT's library kept in a folder, and loaded from there by the next command instead of being unpacked again. */
class CrtLibraryTest {

    @Test
    void keepIn_copiesTheLibraryOnce_andAFreshJvmLoadsItFromThere(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "reads which library a JVM mapped from /proc");
        CRT.getOSIdentifier(); // loads the CRT, as a command that used it has
        Path folder = dir.resolve("aws-crt-test");
        Path library = folder.resolve(System.mapLibraryName("aws-crt-jni"));

        assertThat(CrtLibrary.keepIn(folder)).isTrue();
        assertThat(library).isRegularFile();
        assertThat(Files.size(library)).isGreaterThan(1_000_000);
        long written = Files.getLastModifiedTime(library).toMillis();
        assertThat(CrtLibrary.keepIn(folder)).as("already there").isTrue();
        assertThat(Files.getLastModifiedTime(library).toMillis()).as("not written again").isEqualTo(written);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("no partial file left").containsExactly(library);
        }

        Path unpackHere = Files.createDirectory(dir.resolve("tmp"));
        String kept = loadedLibrary(unpackHere, "-Djava.library.path=" + folder);
        assertThat(kept).as("loaded from the folder").isEqualTo(library.toRealPath().toString());
        String unpacked = loadedLibrary(unpackHere);
        assertThat(unpacked).as("without the folder the CRT unpacks to its temporary folder")
                .startsWith(unpackHere.toRealPath().toString());
    }

    /** Starts a JVM that loads the CRT (temporary folder {@code tmp}) and returns the path of the library it mapped. */
    private static String loadedLibrary(Path tmp, String... options) throws IOException, InterruptedException {
        List<String> jvmOptions = new ArrayList<>(List.of("-Djava.io.tmpdir=" + tmp));
        jvmOptions.addAll(List.of(options));
        Process jvm = new ProcessBuilder(Cli.javaCommand(jvmOptions, LoadCrt.class)).redirectErrorStream(true).start();
        String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as(out).isZero();
        return out;
    }

    /** Loads the CRT and prints the file its native library was mapped from. */
    static final class LoadCrt {
        public static void main(String[] args) throws IOException {
            CRT.getOSIdentifier();
            try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
                System.out.println(maps.filter(line -> line.contains("aws-crt-jni"))
                        .map(line -> line.substring(line.indexOf('/')))
                        .findFirst().orElse("(no aws-crt-jni mapped)"));
            }
        }
    }
}
