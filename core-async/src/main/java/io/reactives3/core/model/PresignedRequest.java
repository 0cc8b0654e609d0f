package io.reactives3.core.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A presigned HTTP request: anyone holding it can perform the operation until it expires, with no credentials.
 * {@link #toString()} hides the signature.
 *
 * @param method        HTTP method to use
 * @param url           the URL, signature included in the query
 * @param signedHeaders headers that were signed and must be sent with exactly these values (besides {@code host})
 * @param expiration    when the URL stops working
 */
public record PresignedRequest(String method, URI url, Map<String, List<String>> signedHeaders, Instant expiration) {
    public PresignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiration, "expiration");
        signedHeaders = Map.copyOf(signedHeaders);
    }

    @Override
    public String toString() {
        String u = url.toString().replaceAll("(?i)(X-Amz-Signature=)[0-9a-f]+", "$1<redacted>")
                .replaceAll("(?i)(X-Amz-Security-Token=)[^&]+", "$1<redacted>");
        return "PresignedRequest[" + method + " " + u + ", expires " + expiration + "]";
    }
}
