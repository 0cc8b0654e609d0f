package io.reactives3.core;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The resolved configuration of a {@link ReactiveS3Client}, after the profile's defaults and the builder's
 * overrides were combined. Read by the transfer engine to build compatible clients for the same store.
 *
 * @param profile                  the store profile
 * @param endpoint                 the endpoint override, or empty for AWS's regional endpoints
 * @param region                   the signing region
 * @param credentialsProvider      where credentials come from
 * @param pathStyle                whether path-style addressing is used
 * @param checksumMode             when checksums are computed and validated
 * @param httpTransport            the HTTP client under the SDK client
 * @param maxConnections           connection pool size (maximum concurrent requests)
 * @param connectionAcquireTimeout how long a request waits for a pooled connection
 * @param connectionTimeout        TCP connect timeout
 * @param readTimeout              longest silence while reading a response (Netty) / socket timeout
 * @param apiCallTimeout           the whole call including retries, or empty for none
 * @param apiCallAttemptTimeout    one attempt, or empty for none
 * @param maxAttempts              attempts per call including the first (SDK standard retry strategy)
 */
public record ClientSettings(StoreProfile profile, Optional<URI> endpoint, Region region,
                             AwsCredentialsProvider credentialsProvider, boolean pathStyle,
                             ChecksumPolicy checksumMode, HttpTransport httpTransport, int maxConnections,
                             Duration connectionAcquireTimeout, Duration connectionTimeout, Duration readTimeout,
                             Optional<Duration> apiCallTimeout, Optional<Duration> apiCallAttemptTimeout,
                             int maxAttempts) {

    public ClientSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentialsProvider, "credentialsProvider");
        Objects.requireNonNull(checksumMode, "checksumMode");
        Objects.requireNonNull(httpTransport, "httpTransport");
        Objects.requireNonNull(connectionAcquireTimeout, "connectionAcquireTimeout");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        Objects.requireNonNull(apiCallAttemptTimeout, "apiCallAttemptTimeout");
    }

    /** These settings over another HTTP client. */
    public ClientSettings withHttpTransport(HttpTransport transport) {
        return new ClientSettings(profile, endpoint, region, credentialsProvider, pathStyle, checksumMode, transport,
                maxConnections, connectionAcquireTimeout, connectionTimeout, readTimeout, apiCallTimeout,
                apiCallAttemptTimeout, maxAttempts);
    }
}
