package io.reactives3.core.model;

import io.reactives3.core.error.InvalidInputException;
import java.util.List;

/**
 * One bucket CORS rule.
 *
 * <pre>{@code
 * CorsRule.builder().allowedOrigins("https://example.com").allowedMethods("GET", "PUT").maxAgeSeconds(3600).build()
 * }</pre>
 *
 * @param id             rule id, or {@code null}
 * @param allowedOrigins origins allowed (at least one; {@code *} for any)
 * @param allowedMethods HTTP methods allowed (at least one of GET, PUT, POST, DELETE, HEAD)
 * @param allowedHeaders request headers allowed in preflight
 * @param exposeHeaders  response headers the browser may read
 * @param maxAgeSeconds  how long a preflight answer may be cached, or {@code null}
 */
public record CorsRule(String id, List<String> allowedOrigins, List<String> allowedMethods,
                       List<String> allowedHeaders, List<String> exposeHeaders, Integer maxAgeSeconds) {

    public CorsRule {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
        exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
        if (allowedOrigins.isEmpty() || allowedMethods.isEmpty()) {
            throw new InvalidInputException("a CORS rule needs at least one allowed origin and one allowed method");
        }
        if (maxAgeSeconds != null && maxAgeSeconds < 0) {
            throw new InvalidInputException("maxAgeSeconds must be >= 0, got " + maxAgeSeconds);
        }
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CorsRule}. */
    public static final class Builder {
        private String id;
        private List<String> allowedOrigins = List.of();
        private List<String> allowedMethods = List.of();
        private List<String> allowedHeaders = List.of();
        private List<String> exposeHeaders = List.of();
        private Integer maxAgeSeconds;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder allowedOrigins(String... origins) {
            this.allowedOrigins = List.of(origins);
            return this;
        }

        public Builder allowedMethods(String... methods) {
            this.allowedMethods = List.of(methods);
            return this;
        }

        public Builder allowedHeaders(String... headers) {
            this.allowedHeaders = List.of(headers);
            return this;
        }

        public Builder exposeHeaders(String... headers) {
            this.exposeHeaders = List.of(headers);
            return this;
        }

        public Builder maxAgeSeconds(int seconds) {
            this.maxAgeSeconds = seconds;
            return this;
        }

        public CorsRule build() {
            return new CorsRule(id, allowedOrigins, allowedMethods, allowedHeaders, exposeHeaders, maxAgeSeconds);
        }
    }
}
