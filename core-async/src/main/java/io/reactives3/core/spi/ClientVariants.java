package io.reactives3.core.spi;

import io.reactives3.core.ClientSettings;
import io.reactives3.core.HttpTransport;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.ReactiveS3ClientBuilder;
import io.reactives3.core.internal.DefaultReactiveS3Client;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Sibling clients of a {@link ReactiveS3Client}: the same store and settings, built anew through
 * {@link ReactiveS3ClientBuilder}. For reactive-s3's own modules (the transfer engine runs ranged downloads over the
 * CRT HTTP client this way); may change without notice.
 */
public final class ClientVariants {

    private ClientVariants() {
    }

    /**
     * A new client with {@code client}'s settings (operation decorators included) and SDK customizer over another HTTP client. The new client is
     * independent of {@code client}: the caller closes it.
     *
     * @return the new client; empty when {@code client} wraps a caller's SDK client (its configuration is not known
     *     in full) or is not one of reactive-s3's clients
     * @throws NullPointerException when an argument is null
     * @throws RuntimeException     or {@link LinkageError} when the HTTP client cannot be built here (for the CRT: no
     *                              native library for this platform)
     */
    public static Optional<ReactiveS3Client> overHttpTransport(ReactiveS3Client client, HttpTransport transport) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(transport, "transport");
        if (!(client instanceof DefaultReactiveS3Client own) || own.sdkCustomizer() == null) {
            return Optional.empty();
        }
        Consumer<S3AsyncClientBuilder> customizer = own.sdkCustomizer();
        ClientSettings s = client.settings();
        ReactiveS3ClientBuilder builder = ReactiveS3Client.builder()
                .profile(s.profile())
                .region(s.region())
                .credentialsProvider(s.credentialsProvider())
                .pathStyle(s.pathStyle())
                .checksumMode(s.checksumMode())
                .httpTransport(transport)
                .maxConnections(s.maxConnections())
                .connectionAcquireTimeout(s.connectionAcquireTimeout())
                .connectionTimeout(s.connectionTimeout())
                .readTimeout(s.readTimeout())
                .maxAttempts(s.maxAttempts())
                .sdkCustomizer(customizer);
        s.operationDecorators().forEach(builder::addOperationDecorator);
        if (s.endpoint() != null) {
            builder.endpoint(s.endpoint());
        }
        if (s.apiCallTimeout() != null) {
            builder.apiCallTimeout(s.apiCallTimeout());
        }
        if (s.apiCallAttemptTimeout() != null) {
            builder.apiCallAttemptTimeout(s.apiCallAttemptTimeout());
        }
        return Optional.of(builder.build());
    }
}
