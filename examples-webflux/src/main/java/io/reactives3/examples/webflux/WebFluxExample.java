package io.reactives3.examples.webflux;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.BucketConflictException;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;

/**
 * A WebFlux service on the reactive-s3 starter: see {@link ObjectController} for its endpoints. Run it with
 * {@code mvn -B -pl examples-webflux -am package exec:java -DskipTests}; without
 * {@code reactive-s3.endpoint} it starts the testkit's embedded S3Proxy and points the starter at it.
 */
@SpringBootApplication
public class WebFluxExample {

    /** Starts the service (and an embedded S3Proxy when no endpoint is configured). */
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(WebFluxExample.class);
        if (System.getProperty("reactive-s3.endpoint") == null && System.getenv("REACTIVE_S3_ENDPOINT") == null) {
            S3Target store = S3Targets.start(StoreKind.S3PROXY);
            Runtime.getRuntime().addShutdownHook(new Thread(store::close));
            app.setDefaultProperties(java.util.Map.of(
                    "reactive-s3.endpoint", store.endpoint().toString(),
                    "reactive-s3.region", store.region().id(),
                    "reactive-s3.profile", "s3proxy",
                    "reactive-s3.credentials.access-key-id", store.accessKey(),
                    "reactive-s3.credentials.secret-access-key", store.secretKey()));
        }
        app.run(args);
    }

    /**
     * Reactor Netty as the web server: the embedded S3Proxy (for running without a store) brings Jetty onto the class
     * path, which Spring Boot would otherwise prefer.
     */
    @Bean
    NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
        return new NettyReactiveWebServerFactory();
    }

    /** Creates the example's bucket at startup if it does not exist yet. */
    @Bean
    ApplicationRunner createBucket(ReactiveS3Client client, @Value("${example.bucket}") String bucket) {
        return args -> client.createBucket(bucket)
                .onErrorResume(BucketConflictException.class, e -> reactor.core.publisher.Mono.empty())
                .block(Duration.ofSeconds(30));
    }
}
