package io.reactives3.core.testing;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.ReactiveS3ClientBuilder;
import io.reactives3.core.StoreProfile;
import io.reactives3.testkit.S3Target;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Clients for testkit targets, configured as a user of each store would: its endpoint, credentials, path style and
 * {@link StoreProfile}. Shared by the test suites of every module (core-async's test jar).
 */
public final class TargetClients {

    private static final Map<S3Target, ReactiveS3Client> SHARED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SHARED.values().forEach(ReactiveS3Client::close)));
    }

    private TargetClients() {
    }

    /** The profile a user would pick for this target's store. */
    public static StoreProfile profileOf(S3Target target) {
        return switch (target.kind()) {
            case S3PROXY -> StoreProfile.S3PROXY;
            case LOCAL_S3 -> StoreProfile.GENERIC;
            case CEPH_RGW -> StoreProfile.CEPH;
            case MINIO -> StoreProfile.MINIO;
            case EXTERNAL -> externalProfile();
            case S3MOCK -> StoreProfile.GENERIC;
        };
    }

    /** A client shared by all tests on {@code target} (closed at JVM exit); do not close it. */
    public static ReactiveS3Client client(S3Target target) {
        return SHARED.computeIfAbsent(target, t -> builder(t).build());
    }

    /** A new client for {@code target}, customised; the caller closes it. */
    public static ReactiveS3Client newClient(S3Target target, Consumer<ReactiveS3ClientBuilder> customizer) {
        ReactiveS3ClientBuilder builder = builder(target);
        customizer.accept(builder);
        return builder.build();
    }

    /** A builder preset for {@code target}. */
    public static ReactiveS3ClientBuilder builder(S3Target target) {
        return ReactiveS3Client.builder()
                .profile(profileOf(target))
                .endpoint(target.endpoint())
                .region(target.region())
                .credentialsProvider(target.credentialsProvider())
                .pathStyle(target.pathStyle());
    }

    private static StoreProfile externalProfile() {
        String profile = System.getenv("REACTIVE_S3_PROFILE");
        return profile == null || profile.isBlank()
                ? StoreProfile.GENERIC : StoreProfile.valueOf(profile.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
