package io.reactives3.cli;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.ReactiveS3ClientBuilder;
import io.reactives3.core.StoreProfile;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferSettings;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * One store the command talks to: its client and transfer engine, and the embedded server started for it
 * ({@code --server}), if any. Settings come from flags, then {@code REACTIVE_S3_*}, then the AWS CLI's variables.
 */
final class Endpoint implements AutoCloseable {

    final ReactiveS3Client client;
    final S3TransferEngine engine;
    /** What to call it in messages: the endpoint URL, or "AWS (region)". */
    final String description;
    private final @Nullable S3Target server;

    private Endpoint(ReactiveS3Client client, S3TransferEngine engine, String description, @Nullable S3Target server) {
        this.client = client;
        this.engine = engine;
        this.description = description;
        this.server = server;
    }

    /**
     * Opens the endpoint named by the options with {@code prefix} ({@code ""} for the main one, {@code "source-"}
     * for {@code --source-...}); a {@code source-} option not given falls back to the main one.
     */
    static Endpoint open(Options o, String prefix, Map<String, String> env, TransferSettings settings,
                         PrintStream err) {
        String serverId = o.value(prefix + "server");
        if (serverId != null) {
            return start(serverId, Rs3.readTimeout(o), settings, err);
        }
        String endpoint = first(o.value(prefix + "endpoint"), prefix.isEmpty() ? env.get("REACTIVE_S3_ENDPOINT") : null,
                prefix.isEmpty() ? env.get("AWS_ENDPOINT_URL_S3") : null,
                prefix.isEmpty() ? env.get("AWS_ENDPOINT_URL") : null);
        String region = first(o.value(prefix + "region"), o.value("region"), env.get("REACTIVE_S3_REGION"),
                env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1");
        ReactiveS3ClientBuilder builder = ReactiveS3Client.builder().region(Region.of(region))
                .readTimeout(Rs3.readTimeout(o));
        String profile = first(o.value("store-profile"), env.get("REACTIVE_S3_PROFILE"));
        if (profile != null) {
            try {
                builder.profile(StoreProfile.valueOf(profile.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("unknown store profile '" + profile + "'");
            }
        }
        String description;
        if (endpoint != null) {
            URI uri;
            try {
                uri = new URI(endpoint.trim());
            } catch (URISyntaxException e) {
                throw CliException.config("endpoint '" + endpoint + "' is not a URL: " + e.getReason());
            }
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw CliException.config("endpoint '" + endpoint + "' is not an http(s)://host[:port] URL");
            }
            builder.endpoint(uri);
            description = uri.toString();
        } else {
            description = "AWS S3 (" + region + ")";
        }
        builder.pathStyle(pathStyle(o, prefix, env, endpoint != null));
        if (o.has("no-sign-request")) {
            builder.credentialsProvider(AnonymousCredentialsProvider.create());
        } else {
            String access = first(o.value(prefix + "access-key"), o.value("access-key"),
                    env.get("REACTIVE_S3_ACCESS_KEY"), env.get("AWS_ACCESS_KEY_ID"));
            String secret = first(o.value(prefix + "secret-key"), o.value("secret-key"),
                    env.get("REACTIVE_S3_SECRET_KEY"), env.get("AWS_SECRET_ACCESS_KEY"));
            if (access == null || secret == null) {
                throw CliException.config("no credentials for " + description + ": pass --" + prefix
                        + "access-key and --" + prefix + "secret-key, or set AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY (or --no-sign-request for public buckets)");
            }
            builder.credentials(access, secret);
        }
        ReactiveS3Client client = builder.build();
        return new Endpoint(client, S3TransferEngine.create(client, settings), description, null);
    }

    private static Endpoint start(String id, Duration readTimeout, TransferSettings settings, PrintStream err) {
        StoreKind kind;
        try {
            kind = StoreKind.fromId(id.equals("rgw") ? StoreKind.CEPH_RGW.id() : id);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("unknown server '" + id + "' (s3proxy, local-s3, ceph-rgw, minio)");
        }
        S3Target target;
        try {
            target = S3Targets.start(kind);
        } catch (RuntimeException e) {
            throw CliException.config("could not start " + id + ": " + e.getMessage());
        }
        StoreProfile profile = switch (kind) {
            case S3PROXY -> StoreProfile.S3PROXY;
            case CEPH_RGW -> StoreProfile.CEPH;
            case MINIO -> StoreProfile.MINIO;
            default -> StoreProfile.GENERIC;
        };
        ReactiveS3Client client = ReactiveS3Client.builder()
                .profile(profile)
                .endpoint(target.endpoint())
                .region(target.region())
                .credentialsProvider(target.credentialsProvider())
                .pathStyle(target.pathStyle())
                .readTimeout(readTimeout)
                .build();
        err.println("rs3: started " + target.name() + " at " + target.endpoint() + " for this command");
        return new Endpoint(client, S3TransferEngine.create(client, settings), target.name() + " at "
                + target.endpoint(), target);
    }

    private static boolean pathStyle(Options o, String prefix, Map<String, String> env, boolean customEndpoint) {
        if (o.has(prefix + "path-style")) {
            return true;
        }
        if (o.has(prefix + "no-path-style")) {
            return false;
        }
        String setting = env.get("REACTIVE_S3_PATH_STYLE");
        if (setting != null && !setting.isBlank()) {
            return Boolean.parseBoolean(setting.trim());
        }
        // most S3-compatible servers want path style (rclone's default too); AWS itself wants virtual hosts
        return customEndpoint;
    }

    @SafeVarargs
    private static <T> @Nullable T first(@Nullable T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null && !(candidate instanceof String s && s.isBlank())) {
                return candidate;
            }
        }
        return null;
    }

    /** The embedded server started for this command ({@code --server}), or {@code null}. */
    @Nullable S3Target server() {
        return server;
    }

    @Override
    public void close() {
        engine.close();
        client.close();
        if (server != null) {
            server.close();
        }
    }
}
