package io.reactives3.examples;

import static io.reactives3.resource.Filter.prefix;

import io.reactives3.core.PostPolicy;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.core.UploadBody;
import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.ListedObject;
import io.reactives3.core.model.PresignedPost;
import io.reactives3.resource.Bucket;
import io.reactives3.resource.CopySource;
import io.reactives3.resource.ReactiveS3;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The README's code, compiled with the project so it cannot drift from the API. Not a program: {@link Tour}
 * is the runnable example.
 */
final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    static void clientLevel() {
        // --- client
        ReactiveS3Client s3 = ReactiveS3Client.builder()
                .profile(StoreProfile.CEPH)                      // AWS, MINIO, CEPH, S3PROXY, GENERIC
                .endpoint(URI.create("http://127.0.0.1:8080"))
                .credentials("access-key", "secret-key")
                .build();
        Mono<Void> roundTrip = s3.createBucket("photos")
                .then(s3.putObject("photos", "2026/cat.jpg", UploadBody.ofFile(Path.of("cat.jpg"))))
                .then(s3.getObject("photos", "2026/cat.jpg"))
                .doOnNext(object -> System.out.println(object.size() + " bytes"))
                .then();
        Flux<ListedObject> listing = s3.listObjects("photos", o -> o.prefix("2026/"));   // pages fetched as demand asks
        Mono<PresignedPost> form = s3.presigner().post("photos", PostPolicy.builder()
                .keyStartsWith("uploads/").contentLengthRange(1, 10 * 1024 * 1024)
                .expiresIn(Duration.ofMinutes(10)).build());
        // --- end client
    }

    static void resourceLevel(ReactiveS3Client client) {
        // --- resource
        try (ReactiveS3 s3 = ReactiveS3.create(client)) {
            Bucket photos = s3.bucket("photos");
            photos.objects().filter(prefix("2026/")).all()
                    .take(5)                                     // one ListObjectsV2 request
                    .doOnNext(summary -> System.out.println(summary.key()))
                    .blockLast();
            photos.uploadFile(Path.of("video.mp4"), "videos/video.mp4").progress()
                    .doOnNext(p -> System.out.printf("%.0f%% at %.1f MB/s%n", p.fraction() * 100,
                            p.bytesPerSecond() / 1e6))
                    .blockLast();
            s3.object("archive", "cat.jpg").copyFrom(CopySource.of("photos", "2026/cat.jpg")).block();
            s3.objectAcl("photos", "2026/cat.jpg").put(CannedAcl.PUBLIC_READ).block();
            photos.objects().filter(prefix("tmp/")).delete().result().block();   // DeleteObjects, 1,000 keys each
        }
        // --- end resource
    }

    static void engine(ReactiveS3Client client) {
        // --- engine
        try (S3TransferEngine engine = S3TransferEngine.create(client,
                TransferSettings.defaults().withPartSize(16 * TransferSettings.MIB).withConcurrency(8))) {
            engine.downloadFile("photos", "videos/video.mp4", Path.of("video.mp4")).result().block();
        }
        // --- end engine
    }
}
