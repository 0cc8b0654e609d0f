/**
 * reactive-s3's client: {@link io.reactives3.core.ReactiveS3Client} and its options, the sealed error tree in
 * {@code io.reactives3.core.error}, the result records in {@code io.reactives3.core.model}, and the small SPI the
 * toolkit's other modules build on in {@code io.reactives3.core.spi}. Everything in {@code internal} stays hidden.
 */
@SuppressWarnings("module") // the SDK, Reactor's dependencies and the CRT are automatic modules
module io.reactives3.core {
    exports io.reactives3.core;
    exports io.reactives3.core.error;
    exports io.reactives3.core.model;
    exports io.reactives3.core.spi;

    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires transitive software.amazon.awssdk.services.s3;
    requires transitive software.amazon.awssdk.core;
    requires transitive software.amazon.awssdk.auth;
    requires transitive software.amazon.awssdk.regions;
    requires transitive software.amazon.awssdk.identity.spi;
    requires transitive static org.jspecify;

    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.retries;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.nio.netty;
    requires software.amazon.awssdk.http.crt;
    requires io.netty.common;
    requires io.netty.transport;
    requires org.slf4j;
}
