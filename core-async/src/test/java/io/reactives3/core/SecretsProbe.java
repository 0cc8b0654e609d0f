package io.reactives3.core;

import io.reactives3.core.model.ObjectContent;
import io.reactives3.core.model.PresignedPost;
import io.reactives3.core.model.PresignedRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Run by {@link SecretsTest} in a JVM of its own with every logger at TRACE: puts, gets, lists, presigns and fails
 * requests on both HTTP transports, with the store's credentials (the secret key read from {@code S3_SECRET_KEY})
 * and with planted fake session credentials ({@code FAKE_*}), and prints every result, settings object, credentials
 * provider and exception (message, toString and stack trace) it meets, one {@code PROBE} line each.
 * Arguments: endpoint, region, profile, bucket.
 */
public final class SecretsProbe {

    private SecretsProbe() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        Region region = Region.of(args[1]);
        StoreProfile profile = StoreProfile.valueOf(args[2]);
        String bucket = args[3];
        StaticCredentialsProvider store = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                System.getenv("S3_ACCESS_KEY"), System.getenv("S3_SECRET_KEY")));
        StaticCredentialsProvider fake = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                System.getenv("FAKE_ACCESS_KEY"), System.getenv("FAKE_SECRET_KEY"), System.getenv("FAKE_TOKEN")));
        print("store credentials provider", store);
        print("fake credentials provider", fake);
        print("fake credentials", fake.resolveCredentials());
        for (HttpTransport transport : HttpTransport.values()) {
            for (StaticCredentialsProvider credentials : List.of(store, fake)) {
                boolean real = credentials == store;
                String tag = transport + (real ? " store" : " fake");
                try (ReactiveS3Client s3 = ReactiveS3Client.builder().profile(profile).endpoint(endpoint)
                        .region(region).credentialsProvider(credentials).httpTransport(transport)
                        .maxAttempts(2).build()) {
                    print(tag + " client", s3);
                    print(tag + " settings", s3.settings());
                    String key = "secrets/" + transport + ".txt";
                    attempt(tag + " put", () -> s3.putObject(bucket, key, UploadBody.ofString("probe " + tag)).block());
                    attempt(tag + " put stream", () -> s3.putObject(bucket, key + ".stream",
                            UploadBody.ofPublisher(Flux.just(ByteBuffer.wrap("stream".getBytes(StandardCharsets.UTF_8))), 6)).block());
                    attempt(tag + " get", () -> {
                        ObjectContent c = s3.getObject(bucket, key).block();
                        return c + " " + c.asUtf8String();
                    });
                    attempt(tag + " stream", () -> s3.getObjectStream(bucket, key, GetObjectOptions.defaults())
                            .flatMap(st -> st.body().count().map(n -> st.head() + " " + n)).block());
                    attempt(tag + " head", () -> s3.headObject(bucket, key).block());
                    attempt(tag + " list", () -> s3.listObjects(bucket, o -> o.prefix("secrets/")).collectList().block());
                    attempt(tag + " missing", () -> s3.getObject(bucket, "secrets/missing").block());
                    attempt(tag + " missing bucket", () -> s3.headObject("no-such-bucket-secrets", "k").block());
                    PresignedRequest get = s3.presigner().getObject(bucket, key, Duration.ofMinutes(5)).block();
                    print(tag + " presigned GET toString", get);
                    System.out.println("PROBE-URL " + tag + " " + get.url());
                    PresignedRequest put = s3.presigner().putObject(bucket, key, Duration.ofMinutes(5)).block();
                    print(tag + " presigned PUT toString", put);
                    System.out.println("PROBE-URL " + tag + " " + put.url());
                    PresignedPost post = s3.presigner().post(bucket, PostPolicy.builder()
                            .keyStartsWith("secrets/").expiresIn(Duration.ofMinutes(5)).build()).block();
                    print(tag + " presigned POST toString", post);
                    System.out.println("PROBE-POST-FIELDS " + tag + " " + post.fields());
                    attempt(tag + " delete", () -> s3.deleteObject(bucket, key).block());
                }
            }
        }
        System.out.println("PROBE DONE");
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static void attempt(String what, Step step) {
        try {
            print(what, step.run());
        } catch (Throwable e) {
            print(what + " failed", e);
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                System.out.println("PROBE " + what + " cause message: " + t.getMessage());
            }
            e.printStackTrace(System.out);
        }
    }

    private static void print(String what, Object value) {
        System.out.println("PROBE " + what + ": " + value);
    }
}
