package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * A failed {@code downloadFile} writes nothing, on the Reactor and the CRT backends: where no file was, none appears;
 * an existing file keeps its bytes; no temporary file stays. Failures: the object is missing, and GetObject is reset
 * mid-body, then at every attempt before any byte until the attempts run out. Downloaded files get the same permissions on both backends, those of any
 * new file of the process ({@code 0666} less the umask), also when they replace a file that had others.
 */
class FailedDownloadTest {

    private static final byte[] OLD = "the file as it was".getBytes(StandardCharsets.UTF_8);
    private static final List<TransferBackend> BACKENDS = List.of(TransferBackend.REACTOR, TransferBackend.CRT);

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void missingObject_noFileAppears_existingFileUntouched(S3Target target, TestBucket bucket, @TempDir Path dir)
            throws IOException {
        for (TransferBackend backend : BACKENDS) {
            assertFailureWritesNothing(target, bucket, "missing", Files.createDirectories(dir.resolve(backend.name())),
                    backend, ObjectNotFoundException.class);
        }
    }

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void everyGetResetMidBody_attemptsExhausted_noFileAppears_existingFileUntouched(S3Target target,
                                                                                   TestBucket bucket,
                                                                                   @TempDir Path dir)
            throws IOException {
        bucket.put("obj", TestData.bytes(3 * MIB, 1));
        // the first GET dies mid-body; every GET after it (the client's resumes, the engine's attempts) before its
        // first body byte, so that no attempt makes progress (a resume that does is not given up: it would succeed)
        target.faults().add(Fault.onOperation("GetObject").resetAfterResponseBytes(100_000).times(1));
        target.faults().add(Fault.onOperation("GetObject").resetAfterResponseBytes(0));
        for (TransferBackend backend : BACKENDS) {
            assertFailureWritesNothing(target, bucket, "obj", Files.createDirectories(dir.resolve(backend.name())),
                    backend, S3TransportException.class);
        }
    }

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void downloadedFiles_samePermissionsOnBothBackends_thoseOfANewFile(S3Target target, TestBucket bucket,
                                                                       @TempDir Path dir) throws IOException {
        bucket.put("small", TestData.bytes(1000, 2));
        bucket.put("large", TestData.bytes(7 * MIB, 3));
        Set<PosixFilePermission> newFile = Files.getPosixFilePermissions(Files.createFile(dir.resolve("new")));
        for (TransferBackend backend : BACKENDS) {
            Path folder = Files.createDirectories(dir.resolve(backend.name()));
            Path replaced = Files.write(folder.resolve("replaced"), OLD);
            Files.setPosixFilePermissions(replaced, PosixFilePermissions.fromString("rwx------"));
            try (S3TransferEngine engine = Engines.engine(target, backend)) {
                for (String key : List.of("small", "large")) {
                    engine.downloadFile(bucket.name(), key, folder.resolve(key)).result().block(TIMEOUT);
                    assertThat(Files.getPosixFilePermissions(folder.resolve(key))).as("%s %s", backend, key)
                            .isEqualTo(newFile);
                }
                engine.downloadFile(bucket.name(), "small", replaced).result().block(TIMEOUT);
            }
            assertThat(Files.readAllBytes(replaced)).isEqualTo(TestData.bytes(1000, 2));
            assertThat(Files.getPosixFilePermissions(replaced)).as("%s replaced", backend).isEqualTo(newFile);
        }
    }

    /** A download of {@code key} to a new and to an existing file in {@code folder} fails with {@code error}. */
    private static void assertFailureWritesNothing(S3Target target, TestBucket bucket, String key, Path folder,
                                                   TransferBackend backend, Class<? extends Throwable> error)
            throws IOException {
        Path existing = Files.write(folder.resolve("existing"), OLD);
        try (S3TransferEngine engine = Engines.engine(target, backend)) {
            for (Path destination : List.of(folder.resolve("fresh"), existing)) {
                StepVerifier.create(engine.downloadFile(bucket.name(), key, destination).result())
                        .expectErrorSatisfies(e -> assertThat(e).as("%s to %s", backend, destination)
                                .isInstanceOf(error))
                        .verify(TIMEOUT);
            }
        }
        assertThat(Files.readAllBytes(existing)).isEqualTo(OLD);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as(backend.name()).containsExactly("existing");
        }
    }
}
