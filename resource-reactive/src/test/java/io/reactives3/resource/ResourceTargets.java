package io.reactives3.resource;

import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Service resources for testkit targets, shared by the tests of this module, and request-log helpers. */
final class ResourceTargets {

    /** How long any single reactive step of a test may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Map<S3Target, ReactiveS3> SHARED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SHARED.values().forEach(ReactiveS3::close)));
    }

    private ResourceTargets() {
    }

    /** The service resource for {@code target}, over the shared client, owning a default engine; do not close it. */
    static ReactiveS3 s3(S3Target target) {
        return SHARED.computeIfAbsent(target, t -> ReactiveS3.create(TargetClients.client(t)));
    }

    /** The requests of {@code operation} on {@code bucket} recorded since the log was last cleared. */
    static List<RecordedRequest> requests(S3Target target, String bucket, String operation) {
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        return target.requestLog().forBucket(bucket).stream().filter(r -> r.operation().equals(operation)).toList();
    }

    /** The {@code max-keys} (or other page-size parameter {@code param}) values of {@code requests}, in order. */
    static List<String> param(List<RecordedRequest> requests, String param) {
        return requests.stream().map(r -> r.head().queryParam(param).orElse("<none>")).toList();
    }
}
