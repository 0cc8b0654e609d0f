package io.reactives3.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The floor under {@link OneShotCp}'s start-up: builds the SDK's own {@code S3AsyncClient} with its defaults (Netty)
 * for the same endpoint, closes it, exits. Arguments: {@code <endpoint> <region> <accessKey> <secretKey>}. Prints on
 * standard error {@code TIMING jvm_ms=.. build_client_ms=.. close_client_ms=.. classes_built=..}, as OneShotCp does.
 */
public final class RawSdkBuild {

    private RawSdkBuild() {
    }

    public static void main(String[] args) {
        long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        S3AsyncClient client = client(args[0], args[1], args[2], args[3]);
        long t1 = System.nanoTime();
        long classesBuilt = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        client.close();
        long t2 = System.nanoTime();
        System.err.printf(Locale.ROOT, "TIMING jvm_ms=%d build_client_ms=%.1f close_client_ms=%.1f classes_built=%d%n",
                jvm, (t1 - t0) / 1e6, (t2 - t1) / 1e6, classesBuilt);
    }

    /** The SDK's own client with its defaults (Netty) for a path-style endpoint with static keys. */
    static S3AsyncClient client(String endpoint, String region, String accessKey, String secretKey) {
        return S3AsyncClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        secretKey)))
                .forcePathStyle(true).build();
    }
}
