package io.reactives3.spring;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import java.util.UUID;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;

/** One embedded S3Proxy server for every test of this JVM (started on first use, stopped at exit). */
public final class S3ProxyTarget {

    private static volatile S3Target target;

    private S3ProxyTarget() {
    }

    /** The server, started on first use. */
    public static synchronized S3Target get() {
        if (target == null) {
            target = S3Targets.start(StoreKind.S3PROXY);
            S3Target started = target;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return target;
    }

    /** The {@code reactive-s3.*} properties that point the starter at the server. */
    public static String[] properties() {
        S3Target t = get();
        return new String[] {
            "reactive-s3.endpoint=" + t.endpoint(),
            "reactive-s3.region=" + t.region().id(),
            "reactive-s3.profile=s3proxy",
            "reactive-s3.credentials.access-key-id=" + t.accessKey(),
            "reactive-s3.credentials.secret-access-key=" + t.secretKey(),
        };
    }

    /** A new client for the server (the caller closes it). */
    public static ReactiveS3Client newClient() {
        S3Target t = get();
        return ReactiveS3Client.builder().profile(StoreProfile.S3PROXY).endpoint(t.endpoint()).region(t.region())
                .credentialsProvider(t.credentialsProvider()).build();
    }

    /** A new, empty bucket on the server (created with the testkit's fixture client). */
    public static String newBucket() {
        String name = "spring-" + UUID.randomUUID().toString().substring(0, 8);
        get().fixtureClient().createBucket(CreateBucketRequest.builder().bucket(name).build());
        return name;
    }
}
