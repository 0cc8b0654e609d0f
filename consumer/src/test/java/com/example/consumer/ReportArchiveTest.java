package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.resource.ReactiveS3;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.transfer.model.UploadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application on the auto-configured beans, against an S3Proxy started by the testkit. */
@SpringBootTest
class ReportArchiveTest {

    private static final S3Target SERVER = S3Targets.start(StoreKind.S3PROXY);

    @DynamicPropertySource
    static void pointAtTheServer(DynamicPropertyRegistry properties) {
        properties.add("reactive-s3.endpoint", () -> SERVER.endpoint().toString());
        properties.add("reactive-s3.region", () -> SERVER.region().id());
        properties.add("reactive-s3.profile", () -> "s3proxy");
        properties.add("reactive-s3.credentials.access-key-id", SERVER::accessKey);
        properties.add("reactive-s3.credentials.secret-access-key", SERVER::secretKey);
        properties.add("reactive-s3.transfer.part-size", () -> "5MB");
        properties.add("reactive-s3.transfer.multipart-threshold", () -> "5MB");
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Autowired
    ReportArchive archive;

    @Autowired
    ReactiveS3Client client;

    @Autowired
    ReactiveS3 resources;

    @Test
    void storesAndReadsAReport() {
        client.createBucket("reports").block();

        String eTag = archive.store("reports", "2026/12/summary.txt", "all green").block();

        assertThat(eTag).isNotBlank();
        assertThat(archive.read("reports", "2026/12/summary.txt").block()).isEqualTo("all green");
    }

    @Test
    void archivesALargeFileInPartsThroughTheEngine(@TempDir Path dir) throws Exception {
        client.createBucket("archive").block();
        byte[] content = new byte[12 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("big.bin"), content);

        UploadResult result = archive.archive("archive", "big.bin", file).block();

        assertThat(result.size()).isEqualTo(content.length);
        assertThat(result.parts()).isEqualTo(3);
        assertThat(client.getObject("archive", "big.bin").block().content()).isEqualTo(content);
        assertThat(resources.bucket("archive").objects().all().map(summary -> summary.key()).collectList().block())
                .containsExactly("big.bin");
    }
}
