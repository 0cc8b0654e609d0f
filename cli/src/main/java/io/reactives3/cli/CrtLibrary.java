package io.reactives3.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.crt.CRT;

/**
 * The CRT's native library, kept in a folder the {@code rs3} script puts on {@code java.library.path}. The CRT loads
 * its library from there when it finds it; otherwise, on every start, it asks {@code ldd} which C library the JVM
 * uses and writes the library (6 MB) from its jar to a temporary file, some 150 ms of every command that uses the CRT
 * (a large download or upload), and a file left in the temporary folder when the command is killed. The script names
 * one folder per CRT version ({@value #FOLDER_PROPERTY}); the first command that loaded the CRT copies the library it
 * loaded there.
 */
final class CrtLibrary {

    /** The system property naming the folder, set by the script. */
    static final String FOLDER_PROPERTY = "rs3.crt.library.dir";

    private CrtLibrary() {
    }

    /**
     * Copies the CRT's library for this platform, from the CRT's jar, into {@code folder}, unless it is there already.
     * Only for a process that has loaded the CRT. Best effort: returns whether the library is in the folder now; a
     * failure leaves the CRT to unpack it on each start, as it does by itself.
     */
    static boolean keepIn(Path folder) {
        Path library = folder.resolve(System.mapLibraryName("aws-crt-jni"));
        if (Files.isRegularFile(library)) {
            return true;
        }
        @Nullable Path partial = null;
        try {
            String os = CRT.getOSIdentifier();
            String resource = "/" + os + "/" + CRT.getArchIdentifier() + "/" + CRT.getCRuntime(os) + "/"
                    + library.getFileName();
            try (InputStream in = CRT.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return false;
                }
                Files.createDirectories(folder);
                // written under another name and renamed: a command starting meanwhile never loads half a library
                partial = Files.createTempFile(folder, "aws-crt-jni", ".partial");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(@Nullable Path partial) {
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover partial file is never loaded
            }
        }
    }
}
