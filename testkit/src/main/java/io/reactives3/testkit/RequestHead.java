package io.reactives3.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The head of one HTTP request as the recording proxy saw it, before it was forwarded.
 *
 * @param method  HTTP method, upper case
 * @param path    the raw (still percent-encoded) path, e.g. {@code /bucket/dir/key%20x}
 * @param query   the raw query string without {@code ?}, empty when there is none
 * @param headers request headers, names lower-cased; repeated headers joined with {@code ","};
 *                the signature in {@code authorization} is redacted
 */
public record RequestHead(String method, String path, String query, Map<String, String> headers) {

    public RequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A header value by case-insensitive name, or empty. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The decoded query parameters in order; a parameter without {@code =} maps to the empty string. */
    public Map<String, String> queryParams() {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    /** Whether the query has parameter {@code name} (with or without a value). */
    public boolean hasQueryParam(String name) {
        return queryParams().containsKey(name);
    }

    /** The decoded value of query parameter {@code name}, or empty. */
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(queryParams().get(name));
    }

    /** The bucket named by this path-style request, or empty for service-level requests ({@code GET /}). */
    public Optional<String> bucket() {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        String bucket = slash < 0 ? p : p.substring(0, slash);
        return bucket.isEmpty() ? Optional.empty() : Optional.of(decode(bucket));
    }

    /** The decoded object key of this path-style request, or empty for bucket- and service-level requests. */
    public Optional<String> key() {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        if (slash < 0 || slash == p.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(decodePath(p.substring(slash + 1)));
    }

    /**
     * The S3 operation this request is, named as in the S3 API reference ({@code ListObjectsV2}, {@code UploadPart},
     * {@code DeleteObjects}, ...), inferred from method, path, query and headers; {@code Unknown} if none fits.
     */
    public String operation() {
        return S3Operations.classify(this);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String decodePath(String s) {
        // in a path '+' is a literal plus, unlike in a query
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
