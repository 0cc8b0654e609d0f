package io.reactives3.testkit.internal;

import io.reactives3.testkit.Capability;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import io.reactives3.testkit.TargetStartException;
import io.reactives3.testkit.TargetUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;

/**
 * Any S3 endpoint described by environment variables, so the same suites run against AWS, Ceph, MinIO or anything
 * else a user has:
 * <ul>
 *   <li>{@code REACTIVE_S3_ENDPOINT}: e.g. {@code https://s3.eu-west-1.amazonaws.com} or {@code http://127.0.0.1:9000}
 *   <li>{@code REACTIVE_S3_ACCESS_KEY}, {@code REACTIVE_S3_SECRET_KEY}: required
 *       ({@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} are used when these are unset)
 *   <li>{@code REACTIVE_S3_REGION}: default {@code us-east-1}
 *   <li>{@code REACTIVE_S3_PATH_STYLE}: {@code true}/{@code false}, default {@code true} except for amazonaws.com
 *   <li>{@code REACTIVE_S3_CAPABILITIES}: comma-separated {@link Capability} names the store has, default
 *       {@code SIGV4_AUTH}; use {@code ALL} for AWS S3
 * </ul>
 * A loopback http endpoint gets the recording proxy; others (https, remote) have no request log.
 */
public final class ExternalEndpoint {

    public static final String ENDPOINT = "REACTIVE_S3_ENDPOINT";
    public static final String ACCESS_KEY = "REACTIVE_S3_ACCESS_KEY";
    public static final String SECRET_KEY = "REACTIVE_S3_SECRET_KEY";
    public static final String REGION = "REACTIVE_S3_REGION";
    public static final String PATH_STYLE = "REACTIVE_S3_PATH_STYLE";
    public static final String CAPABILITIES = "REACTIVE_S3_CAPABILITIES";

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private ExternalEndpoint() {
    }

    /** Connects to the endpoint {@code env} describes, checking the configuration and that the endpoint answers. */
    public static RunningTarget connect(Map<String, String> env, TargetOptions options) {
        String raw = value(env, ENDPOINT, null);
        if (raw == null) {
            throw new TargetUnavailableException(StoreKind.EXTERNAL, ENDPOINT + " is not set");
        }
        URI endpoint = parseEndpoint(raw);
        String accessKey = value(env, ACCESS_KEY, value(env, "AWS_ACCESS_KEY_ID", null));
        String secretKey = value(env, SECRET_KEY, value(env, "AWS_SECRET_ACCESS_KEY", null));
        if (accessKey == null || secretKey == null) {
            throw new TargetStartException(ENDPOINT + "=" + raw + " is set but the credentials are missing: set "
                    + ACCESS_KEY + " and " + SECRET_KEY + " (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
        }
        Region region = Region.of(value(env, REGION, "us-east-1"));
        boolean aws = endpoint.getHost().endsWith("amazonaws.com");
        boolean pathStyle = Boolean.parseBoolean(value(env, PATH_STYLE, Boolean.toString(!aws)));
        Set<Capability> capabilities = parseCapabilities(value(env, CAPABILITIES, "SIGV4_AUTH"));
        requireReachable(endpoint, raw);
        boolean recordable = options.recording() && "http".equals(endpoint.getScheme()) && isLoopback(endpoint);
        return new RunningTarget(StoreKind.EXTERNAL, endpoint, region, accessKey, secretKey, pathStyle,
                capabilities, recordable, options.port(), () -> { });
    }

    private static URI parseEndpoint(String raw) {
        String expected = ENDPOINT + "=" + raw + " must be an http or https URL with a host, e.g. http://127.0.0.1:9000";
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new TargetStartException(expected + " (" + e.getMessage() + ")", e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new TargetStartException(expected);
        }
        return uri;
    }

    private static Set<Capability> parseCapabilities(String list) {
        if ("ALL".equalsIgnoreCase(list.trim())) {
            EnumSet<Capability> all = EnumSet.allOf(Capability.class);
            all.remove(Capability.REQUEST_LOG);
            all.remove(Capability.FAULT_INJECTION);
            return all;
        }
        EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String name : list.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                capabilities.add(Capability.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new TargetStartException(CAPABILITIES + " names an unknown capability '" + name.trim()
                        + "'; known: ALL or " + Arrays.stream(Capability.values()).map(Enum::name)
                        .collect(Collectors.joining(", ")), e);
            }
        }
        return capabilities;
    }

    private static void requireReachable(URI endpoint, String raw) {
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), CONNECT_TIMEOUT_MILLIS);
        } catch (UnknownHostException e) {
            throw new TargetStartException(ENDPOINT + "=" + raw + " is not reachable: unknown host '"
                    + endpoint.getHost() + "'", e);
        } catch (IOException e) {
            throw new TargetStartException(ENDPOINT + "=" + raw + " is not reachable: cannot connect to "
                    + endpoint.getHost() + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isLoopback(URI endpoint) {
        try {
            return InetAddress.getByName(endpoint.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
