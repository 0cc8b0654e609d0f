package io.reactives3.testkit;

import io.reactives3.testkit.internal.CephRgwCluster;
import io.reactives3.testkit.internal.ExternalEndpoint;
import io.reactives3.testkit.internal.LocalS3Server;
import io.reactives3.testkit.internal.MinioContainerTarget;
import io.reactives3.testkit.internal.S3MockProcess;
import io.reactives3.testkit.internal.S3ProxyServer;
import io.reactives3.testkit.internal.ServerDependencies;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The testkit's entry point: starts S3 servers, or connects to one, as {@link S3Target}s.
 *
 * <pre>{@code
 * try (S3Target target = S3Targets.start(StoreKind.S3PROXY)) {
 *     S3AsyncClient client = S3AsyncClient.builder().endpointOverride(target.endpoint()) ... ;
 * }
 * }</pre>
 *
 * <p>Which targets test suites run on is chosen by the environment (a system property of the same name in lower case
 * with dots, e.g. {@code -Dreactive.s3.targets=s3proxy}, wins over the variable):
 * <ul>
 *   <li>{@code REACTIVE_S3_TARGETS}: comma-separated {@link StoreKind#id()}s, default all of them but
 *       {@code s3mock} (slow to start: select it explicitly); kinds that cannot
 *       run here (no Docker, no Ceph binaries, no external endpoint) are reported skipped with the reason.
 *   <li>{@code REACTIVE_S3_REQUIRE}: kinds that must run; if one is unavailable its tests fail instead of skipping
 *       (CI requires {@code ceph-rgw}).
 *   <li>{@code REACTIVE_S3_ENDPOINT} and friends: the {@link StoreKind#EXTERNAL} endpoint, see
 *       {@link #connect(Map)}.
 * </ul>
 */
public final class S3Targets {

    /** Environment variable choosing the targets test suites run on. */
    public static final String TARGETS = "REACTIVE_S3_TARGETS";
    /**
     * System property a build can set to change the default list (used when {@code REACTIVE_S3_TARGETS} is not
     * set): the testkit's own build adds {@code s3mock} so its capability declarations stay checked.
     */
    public static final String DEFAULT_TARGETS_PROPERTY = "reactive.s3.default.targets";
    /** Environment variable naming targets that must be available. */
    public static final String REQUIRE = "REACTIVE_S3_REQUIRE";

    private S3Targets() {
    }

    /**
     * Starts (or, for {@link StoreKind#EXTERNAL}, connects to) a target with default options.
     *
     * @throws TargetUnavailableException when the kind cannot run on this machine (the message says why)
     * @throws TargetStartException       when it should run but could not be started or reached
     */
    public static S3Target start(StoreKind kind) {
        return start(TargetOptions.of(kind));
    }

    /**
     * Starts (or connects to) a target.
     *
     * @throws TargetUnavailableException when the kind cannot run on this machine (the message says why), including
     *                                    when the server's optional dependency is not on the class path (the
     *                                    message names the dependency to add)
     * @throws TargetStartException       when it should run but could not be started or reached (port in use,
     *                                    bad endpoint, missing credentials, server failed)
     */
    public static S3Target start(TargetOptions options) {
        ServerDependencies.require(options.kind());
        return switch (options.kind()) {
            case S3PROXY -> S3ProxyServer.start(options);
            case LOCAL_S3 -> LocalS3Server.start(options);
            case CEPH_RGW -> CephRgwCluster.start(options);
            case MINIO -> MinioContainerTarget.start(options);
            case EXTERNAL -> ExternalEndpoint.connect(System.getenv(), options);
            case S3MOCK -> S3MockProcess.start(options);
        };
    }

    /**
     * Connects to the external endpoint described by {@code env} ({@code REACTIVE_S3_ENDPOINT},
     * {@code REACTIVE_S3_ACCESS_KEY}, {@code REACTIVE_S3_SECRET_KEY}, {@code REACTIVE_S3_REGION},
     * {@code REACTIVE_S3_PATH_STYLE}, {@code REACTIVE_S3_CAPABILITIES}); it is checked to answer on its port.
     *
     * @throws TargetUnavailableException when no endpoint is configured
     * @throws TargetStartException       with one clear message for a malformed or unreachable endpoint, missing
     *                                    credentials or an unknown capability name
     */
    public static S3Target connect(Map<String, String> env) {
        return ExternalEndpoint.connect(env, TargetOptions.of(StoreKind.EXTERNAL));
    }

    /**
     * The kinds test suites should run on: {@code REACTIVE_S3_TARGETS}, or every kind
     * {@linkplain StoreKind#selectedByDefault() selected by default} (all but {@link StoreKind#S3MOCK}).
     */
    public static List<StoreKind> selectedKinds() {
        String list = setting(TARGETS);
        if (list == null) {
            list = System.getProperty(DEFAULT_TARGETS_PROPERTY);
        }
        if (list == null || list.isBlank()) {
            return java.util.Arrays.stream(StoreKind.values()).filter(StoreKind::selectedByDefault).toList();
        }
        List<StoreKind> kinds = new ArrayList<>();
        for (String id : list.split(",")) {
            if (!id.isBlank()) {
                kinds.add(StoreKind.fromId(id));
            }
        }
        return List.copyOf(kinds);
    }

    /** The kinds that must be available: {@code REACTIVE_S3_REQUIRE}, or none. */
    public static Set<StoreKind> requiredKinds() {
        String list = setting(REQUIRE);
        EnumSet<StoreKind> kinds = EnumSet.noneOf(StoreKind.class);
        if (list != null) {
            for (String id : list.split(",")) {
                if (!id.isBlank()) {
                    kinds.add(StoreKind.fromId(id));
                }
            }
        }
        return kinds;
    }

    /** A setting from the system property ({@code REACTIVE_S3_X} -> {@code reactive.s3.x}) or the environment. */
    static String setting(String name) {
        String property = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv(name);
        return env == null || env.isBlank() ? null : env;
    }
}
