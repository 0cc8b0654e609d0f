package io.reactives3.benchmarks;

import io.reactives3.core.ListObjectsOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.core.UploadBody;
import io.reactives3.resource.ReactiveS3;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.BatchDeleteResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The warm-JVM side of {@code scripts/bench.sh}: one long-lived JVM that keeps every library contender (engine
 * variants, the SDK's TransferManager, the raw {@link S3AsyncClient}) open and runs one operation per line read from
 * standard input, so that the driver can interleave library runs with peer processes (A B A B ...). Each command
 * answers one line on standard output: {@code OK <seconds> <detail>} or {@code ERR <message>}; logs go to standard
 * error. Arguments: {@code <endpoint> <region> <accessKey> <secretKey> <profile: S3PROXY|CEPH>}.
 *
 * <p>Commands: {@code upload <contender> <file> <bucket> <key>}, {@code download <contender> <bucket> <key> <file>}
 * (detail, for the engine: {@code verified=true|false}, whether the content was checked against the ETag or the
 * stored CRC; contenders {@code eng-auto}, {@code eng-reactor}, {@code eng-reactor-md5}, {@code eng-reactor-none},
 * {@code eng-crt}, {@code eng-crt-none},
 * {@code tm-java}, {@code tm-crt}, or {@code eng:<backend>:<integrity>[:<part MiB>[:<concurrency>]]} for tuning),
 * {@code list <resource|client|sdk> <bucket>} (detail: keys listed),
 * {@code delete <batch> <bucket>} (detail: keys deleted), {@code seed <bucket> <prefix> <count> <bytes>} (raw SDK,
 * 64 at once), {@code small <toolkit|sdk> <bucket> <prefix> <count> <bytes> <concurrency>} (PUT all, then GET all;
 * detail: PUT and GET seconds), {@code quit}.
 */
public final class BenchAgent {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final URI endpoint;
    private final Region region;
    private final StaticCredentialsProvider credentials;
    private final StoreProfile profile;
    private final Map<String, Object> open = new HashMap<>();
    private final java.util.List<S3AsyncClient> sdkClients = new java.util.ArrayList<>();

    private BenchAgent(String[] args) {
        endpoint = URI.create(args[0]);
        region = Region.of(args[1]);
        credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(args[2], args[3]));
        profile = StoreProfile.valueOf(args[4]);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        BenchAgent agent = new BenchAgent(args);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("READY");
        out.flush();
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] w = line.trim().split("\\s+");
            long start = System.nanoTime();
            try {
                String detail = agent.run(w);
                out.printf(Locale.ROOT, "OK %.6f %s%n", (System.nanoTime() - start) / 1e9, detail);
            } catch (Throwable e) {
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                String message = (cause.getClass().getSimpleName() + ": " + cause.getMessage()).replace('\n', ' ');
                out.println("ERR " + message.substring(0, Math.min(200, message.length())));
            }
            out.flush();
        }
        agent.open.values().forEach(BenchAgent::closeQuietly);
        System.exit(0);
    }

    private String run(String[] w) throws Exception {
        switch (w[0]) {
            case "upload": {
                Path file = Path.of(w[2]);
                Object c = contender(w[1]);
                if (c instanceof S3TransferEngine engine) {
                    engine.uploadFile(file, w[3], w[4]).result().block(TIMEOUT);
                } else {
                    ((S3TransferManager) c).uploadFile(b -> b.source(file)
                            .putObjectRequest(p -> p.bucket(w[3]).key(w[4]))).completionFuture().join();
                }
                return "";
            }
            case "download": {
                Path file = Path.of(w[4]);
                Object c = contender(w[1]);
                if (c instanceof S3TransferEngine engine) {
                    return "verified=" + engine.downloadFile(w[2], w[3], file).result().block(TIMEOUT)
                            .contentVerified();
                }
                ((S3TransferManager) c).downloadFile(b -> b.destination(file)
                        .getObjectRequest(g -> g.bucket(w[2]).key(w[3]))).completionFuture().join();
                return "";
            }
            case "list":
                return Long.toString(list(w[1], w[2]));
            case "delete": {
                String prefix = w.length > 3 ? w[3] : "";
                BatchDeleteResult r = engine("eng-auto").deletePrefix(w[2], prefix, false).result().block(TIMEOUT);
                return r.deleted() + " failed=" + r.failed() + " requests=" + r.requests();
            }
            case "seed":
                seed(w[1], w[2], Integer.parseInt(w[3]), Integer.parseInt(w[4]));
                return "";
            case "small":
                return small(w[1], w[2], w[3], Integer.parseInt(w[4]), Integer.parseInt(w[5]),
                        Integer.parseInt(w[6]));
            default:
                throw new IllegalArgumentException("unknown command " + w[0]);
        }
    }

    private long list(String how, String bucket) {
        switch (how) {
            case "resource":
                return ((ReactiveS3) open.computeIfAbsent("resource", n -> ReactiveS3.create(client())))
                        .bucket(bucket).objects().all().count().block(TIMEOUT);
            case "client":
                return client().listObjects(bucket, ListObjectsOptions.builder().pageSize(1000).build()).count()
                        .block(TIMEOUT);
            case "sdk": {
                AtomicLong count = new AtomicLong();
                client().sdkClient().listObjectsV2Paginator(b -> b.bucket(bucket).maxKeys(1000))
                        .subscribe(page -> count.addAndGet(page.contents().size())).join();
                return count.get();
            }
            case "sdk-url": {
                // the request the client sends (keys URL-encoded by the store, decoded by the SDK): like with like
                AtomicLong count = new AtomicLong();
                client().sdkClient().listObjectsV2Paginator(b -> b.bucket(bucket).maxKeys(1000)
                                .encodingType(software.amazon.awssdk.services.s3.model.EncodingType.URL))
                        .subscribe(page -> count.addAndGet(page.contents().size())).join();
                return count.get();
            }
            default:
                throw new IllegalArgumentException("unknown lister " + how);
        }
    }

    private void seed(String bucket, String prefix, int count, int bytes) {
        S3AsyncClient raw = client().sdkClient();
        byte[] body = new byte[bytes];
        Flux.range(0, count)
                .flatMap(i -> Mono.fromFuture(() -> raw.putObject(b -> b.bucket(bucket).key(key(prefix, i)),
                        AsyncRequestBody.fromBytes(body))), 64)
                .then().block(TIMEOUT);
    }

    private String small(String how, String bucket, String prefix, int count, int bytes, int concurrency) {
        byte[] body = new byte[bytes];
        new java.util.Random(count).nextBytes(body);
        ReactiveS3Client client = client();
        S3AsyncClient raw = client.sdkClient();
        boolean toolkit = how.equals("toolkit");
        long start = System.nanoTime();
        Flux.range(0, count).flatMap(i -> toolkit
                        ? client.putObject(bucket, key(prefix, i), UploadBody.ofBytes(body))
                        : Mono.fromFuture(() -> raw.putObject(b -> b.bucket(bucket).key(key(prefix, i)),
                        AsyncRequestBody.fromBytes(body))), concurrency)
                .then().block(TIMEOUT);
        double put = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        long read = Flux.range(0, count).flatMap(i -> toolkit
                        ? client.getObject(bucket, key(prefix, i)).map(c -> (long) c.size())
                        : Mono.fromFuture(() -> raw.getObject(b -> b.bucket(bucket).key(key(prefix, i)),
                        AsyncResponseTransformer.toBytes())).map(r -> (long) r.asByteArrayUnsafe().length),
                        concurrency)
                .reduce(0L, Long::sum).block(TIMEOUT);
        double get = (System.nanoTime() - start) / 1e9;
        if (read != (long) count * bytes) {
            throw new IllegalStateException("read " + read + " bytes, expected " + (long) count * bytes);
        }
        return String.format(Locale.ROOT, "put=%.6f get=%.6f", put, get);
    }

    private static String key(String prefix, int i) {
        return String.format("%s%07d", prefix, i);
    }

    private ReactiveS3Client client() {
        return (ReactiveS3Client) open.computeIfAbsent("client", n -> newClient());
    }

    private ReactiveS3Client newClient() {
        return ReactiveS3Client.builder().profile(profile).endpoint(endpoint).region(region)
                .credentialsProvider(credentials).pathStyle(true).build();
    }

    private S3TransferEngine engine(String name) {
        return (S3TransferEngine) contender(name);
    }

    private Object contender(String name) {
        return open.computeIfAbsent(name, n -> {
            switch (n) {
                case "eng-auto":
                    return S3TransferEngine.create(newClient());
                case "eng-reactor":
                    return S3TransferEngine.create(newClient(), TransferSettings.defaults()
                            .withBackend(TransferBackend.REACTOR));
                case "eng-reactor-md5":
                    return S3TransferEngine.create(newClient(), TransferSettings.defaults()
                            .withBackend(TransferBackend.REACTOR).withIntegrity(IntegrityMode.MD5));
                case "eng-reactor-none":
                    return S3TransferEngine.create(newClient(), TransferSettings.defaults()
                            .withBackend(TransferBackend.REACTOR).withIntegrity(IntegrityMode.NONE));
                case "eng-crt":
                    return S3TransferEngine.create(newClient(), TransferSettings.defaults()
                            .withBackend(TransferBackend.CRT));
                case "eng-crt-none":
                    return S3TransferEngine.create(newClient(), TransferSettings.defaults()
                            .withBackend(TransferBackend.CRT).withIntegrity(IntegrityMode.NONE));
                case "tm-java":
                case "tm-crt":
                    return transferManager(n.equals("tm-crt"));
                default:
                    if (n.startsWith("eng:")) {
                        return tuned(n);
                    }
                    throw new IllegalArgumentException("unknown contender " + n);
            }
        });
    }

    /**
     * {@code eng:<backend>:<integrity|default>[:<part MiB>[:<concurrency>[:<memory budget MiB>]]]}: an engine with
     * those settings (for tuning runs), e.g. {@code eng:REACTOR:CRC32:16:8}.
     */
    private S3TransferEngine tuned(String name) {
        String[] p = name.split(":");
        TransferSettings s = TransferSettings.defaults().withBackend(TransferBackend.valueOf(p[1]));
        if (p.length > 2 && !p[2].equals("default")) {
            s = s.withIntegrity(IntegrityMode.valueOf(p[2]));
        }
        if (p.length > 3) {
            s = s.withPartSize(Long.parseLong(p[3]) * TransferSettings.MIB);
        }
        if (p.length > 4) {
            s = s.withConcurrency(Integer.parseInt(p[4]));
        }
        if (p.length > 5) {
            s = s.withMemoryBudget(Long.parseLong(p[5]) * TransferSettings.MIB);
        }
        return S3TransferEngine.create(newClient(), s);
    }

    private S3TransferManager transferManager(boolean crt) {
        // the SDK's defaults, except that a store that verifies no checksums gets none asked for (as the profile)
        boolean whenRequired = profile.checksumMode() == io.reactives3.core.ChecksumPolicy.WHEN_REQUIRED;
        RequestChecksumCalculation request = whenRequired ? RequestChecksumCalculation.WHEN_REQUIRED
                : RequestChecksumCalculation.WHEN_SUPPORTED;
        ResponseChecksumValidation response = whenRequired ? ResponseChecksumValidation.WHEN_REQUIRED
                : ResponseChecksumValidation.WHEN_SUPPORTED;
        S3AsyncClient s3 = crt
                ? S3AsyncClient.crtBuilder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .forcePathStyle(true).requestChecksumCalculation(request).responseChecksumValidation(response).build()
                : S3AsyncClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .forcePathStyle(true).multipartEnabled(true).requestChecksumCalculation(request)
                .responseChecksumValidation(response).build();
        sdkClients.add(s3);
        return S3TransferManager.builder().s3Client(s3).build();
    }

    private static void closeQuietly(Object o) {
        try {
            if (o instanceof AutoCloseable c) {
                c.close();
            } else if (o instanceof S3TransferEngine e) {
                e.close();
            } else if (o instanceof ReactiveS3 r) {
                r.close();
            }
        } catch (Exception e) {
            // closing at exit: nothing to do
        }
    }
}
