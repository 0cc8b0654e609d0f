package io.reactives3.examples;

import static io.reactives3.resource.Filter.prefix;

import io.reactives3.core.PostPolicy;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.core.UploadBody;
import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.BucketLifecycleRule;
import io.reactives3.core.model.VersioningStatus;
import io.reactives3.resource.Bucket;
import io.reactives3.resource.CopySource;
import io.reactives3.resource.ReactiveS3;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.transfer.S3TransferEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The README's main job: every row of the seed's table (boto3's client and resource APIs) through both of
 * reactive-s3's levels, one line per row and level: {@code OK}, {@code SKIPPED (<server> lacks <capability>)} or
 * {@code FAILED <error>}, then a summary; the exit status is 1 when any row failed.
 *
 * <p>By default each row runs on the first embedded server that can do it (S3Proxy, then LocalS3, then S3Mock), so
 * every row prints OK. {@code --server <kind>} (e.g. {@code ceph-rgw}) runs every row on that one server, and
 * {@code REACTIVE_S3_ENDPOINT} (with its credentials, see the README) runs them on a real endpoint. Every row
 * works in a bucket of its own and deletes it afterwards.
 */
public final class Tour {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final List<StoreKind> EMBEDDED = List.of(StoreKind.S3PROXY, StoreKind.LOCAL_S3, StoreKind.S3MOCK);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One level's part of a row: does the work and says what it saw, or fails. */
    private interface Step {
        Mono<String> run(Session s, String bucket);
    }

    private record Row(String number, String title, Set<Capability> needs, Step client, Step resource) {
    }

    /** A server and what talks to it, opened on first use. */
    private record Session(S3Target target, ReactiveS3Client client, ReactiveS3 s3, S3TransferEngine engine,
                           Path work) implements AutoCloseable {
        @Override
        public void close() {
            s3.close();
            engine.close();
            client.close();
            target.close();
        }
    }

    private Tour() {
    }

    public static void main(String[] args) throws IOException {
        String server = serverArgument(args);
        Path work = Files.createTempDirectory("reactive-s3-tour");
        Map<StoreKind, Session> sessions = new LinkedHashMap<>();
        Map<StoreKind, String> unavailable = new LinkedHashMap<>();
        int ok = 0;
        int skipped = 0;
        List<String> failed = new ArrayList<>();
        try {
            for (Row row : rows()) {
                Session session = null;
                String missing = null;
                for (StoreKind kind : candidates(server)) {
                    if (unavailable.containsKey(kind)) {
                        missing = kind.id() + " unavailable: " + unavailable.get(kind);
                        continue;
                    }
                    Session candidate;
                    try {
                        candidate = sessions.computeIfAbsent(kind, k -> open(k, work));
                    } catch (RuntimeException e) {
                        unavailable.put(kind, e.getMessage());
                        missing = kind.id() + " unavailable: " + e.getMessage();
                        continue;
                    }
                    Set<Capability> lacking = EnumSet.allOf(Capability.class);
                    lacking.retainAll(row.needs());
                    lacking.removeAll(candidate.target().capabilities());
                    if (lacking.isEmpty()) {
                        session = candidate;
                        break;
                    }
                    missing = candidate.target().name() + " lacks " + lacking;
                }
                for (String level : List.of("client", "resource")) {
                    String line = String.format(Locale.ROOT, "%-3s %-26s %-9s", row.number(), row.title(), level);
                    if (session == null) {
                        System.out.println(line + "SKIPPED (" + missing + ")");
                        skipped++;
                        continue;
                    }
                    Step step = level.equals("client") ? row.client() : row.resource();
                    try {
                        String seen = inFreshBucket(session, step);
                        System.out.println(line + "OK        " + seen + "  [" + session.target().name() + "]");
                        ok++;
                    } catch (RuntimeException e) {
                        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                        System.out.println(line + "FAILED    " + error + "  [" + session.target().name() + "]");
                        failed.add(row.number() + " " + level + ": " + error);
                    }
                }
            }
        } finally {
            sessions.values().forEach(Session::close);
        }
        System.out.printf(Locale.ROOT, "%nsummary: %d OK, %d skipped, %d failed%n", ok, skipped, failed.size());
        failed.forEach(f -> System.out.println("  failed " + f));
        if (!failed.isEmpty()) {
            System.exit(1);
        }
    }

    private static String serverArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--server") && i + 1 < args.length) {
                return args[i + 1].equals("rgw") ? StoreKind.CEPH_RGW.id() : args[i + 1];
            }
            if (args[i].equals("--help")) {
                System.out.println("usage: Tour [--server s3proxy|local-s3|s3mock|ceph-rgw|rgw|minio]");
                System.exit(0);
            }
        }
        if (args.length > 0) {
            throw new IllegalArgumentException("unknown arguments " + Arrays.toString(args) + ": try --help");
        }
        return null;
    }

    private static List<StoreKind> candidates(String server) {
        if (System.getenv("REACTIVE_S3_ENDPOINT") != null) {
            return List.of(StoreKind.EXTERNAL);
        }
        return server == null ? EMBEDDED : List.of(StoreKind.fromId(server));
    }

    private static Session open(StoreKind kind, Path work) {
        S3Target target = kind == StoreKind.EXTERNAL ? S3Targets.connect(System.getenv()) : S3Targets.start(kind);
        ReactiveS3Client client = ReactiveS3Client.builder()
                .profile(profileOf(target))
                .endpoint(target.endpoint())
                .region(target.region())
                .credentialsProvider(target.credentialsProvider())
                .pathStyle(target.pathStyle())
                .build();
        S3TransferEngine engine = S3TransferEngine.create(client);
        return new Session(target, client, ReactiveS3.create(client, engine), engine, work);
    }

    static StoreProfile profileOf(S3Target target) {
        String profile = System.getenv("REACTIVE_S3_PROFILE");
        if (profile != null && !profile.isBlank()) {
            return StoreProfile.valueOf(profile.trim().toUpperCase(Locale.ROOT));
        }
        return switch (target.kind()) {
            case S3PROXY -> StoreProfile.S3PROXY;
            case CEPH_RGW -> StoreProfile.CEPH;
            case MINIO -> StoreProfile.MINIO;
            default -> StoreProfile.GENERIC;
        };
    }

    /** Runs {@code step} in a new bucket, then empties and deletes the bucket whatever happened. */
    private static String inFreshBucket(Session s, Step step) {
        String bucket = s.target().newBucketName("tour");
        s.client().createBucket(bucket).block(TIMEOUT);
        try {
            return step.run(s, bucket).block(TIMEOUT);
        } finally {
            s.engine().deletePrefix(bucket, "", true).result().onErrorResume(e -> Mono.empty()).block(TIMEOUT);
            s.client().deleteBucket(bucket).onErrorResume(e -> Mono.empty()).block(TIMEOUT);
        }
    }

    private static List<Row> rows() {
        Set<Capability> none = Set.of();
        return List.of(
                new Row("2", "construction", none,
                        (s, b) -> s.client().headBucket(b).map(h -> "builder().build(), bucket " + b + " reachable"),
                        (s, b) -> s.s3().bucket(b).exists().map(e -> "ReactiveS3.create(client), exists=" + e)),
                new Row("3", "list buckets", none,
                        (s, b) -> s.client().listBuckets().map(x -> x.name()).collectList()
                                .map(names -> names.size() + " buckets, ours listed: " + names.contains(b)),
                        (s, b) -> s.s3().buckets().all().filter(x -> x.name().equals(b)).count()
                                .map(n -> "buckets().all() found ours " + n + "x")),
                new Row("4", "list objects", none,
                        (s, b) -> putKeys(s, b, 5).thenMany(s.client().listObjects(b, o -> o.prefix("dir/"))).count()
                                .map(n -> "listObjects(prefix) -> " + n + " keys"),
                        (s, b) -> putKeys(s, b, 5).thenMany(s.s3().bucket(b).objects().filter(prefix("dir/")).all())
                                .count().map(n -> "objects().filter(prefix) -> " + n + " keys")),
                new Row("5", "upload file / put object", none,
                        (s, b) -> Mono.fromCallable(() -> file(s, 24)).flatMap(f ->
                                s.engine().uploadFile(f, b, "big.bin").result()
                                        .zipWith(s.client().putObject(b, "small.txt", UploadBody.ofString("hello"))))
                                .map(t -> "uploadFile 24 MiB (" + t.getT1().parts() + " parts), putObject "
                                        + t.getT2().size() + " B"),
                        (s, b) -> Mono.fromCallable(() -> file(s, 24)).flatMap(f ->
                                s.s3().bucket(b).uploadFile(f, "big.bin").result()
                                        .zipWith(s.s3().bucket(b).putObject("small.txt", "hello")))
                                .map(t -> "bucket.uploadFile 24 MiB (" + t.getT1().parts() + " parts), putObject "
                                        + t.getT2().size() + " B")),
                new Row("6", "download file / get object", none,
                        (s, b) -> roundTrip(s, b, dest -> s.engine().downloadFile(b, "big.bin", dest).result().then(),
                                s.client().getObject(b, "small.txt").map(c -> new String(c.content(),
                                        StandardCharsets.UTF_8))),
                        (s, b) -> roundTrip(s, b, dest -> s.s3().bucket(b).downloadFile("big.bin", dest).result().then(),
                                s.s3().object(b, "small.txt").get().map(c -> new String(c.content(),
                                        StandardCharsets.UTF_8)))),
                new Row("7", "copy", none,
                        (s, b) -> s.client().putObject(b, "a", UploadBody.ofString("copy me"))
                                .then(s.client().copyObject(b, "a", b, "b"))
                                .then(s.client().getObject(b, "b")).map(c -> "copyObject -> "
                                        + new String(c.content(), StandardCharsets.UTF_8)),
                        (s, b) -> s.s3().object(b, "a").put("copy me")
                                .then(s.s3().object(b, "b").copyFrom(CopySource.of(b, "a")))
                                .then(s.s3().object(b, "b").get()).map(c -> "object.copyFrom -> "
                                        + new String(c.content(), StandardCharsets.UTF_8))),
                new Row("8", "delete one / many", none,
                        (s, b) -> putKeys(s, b, 5)
                                .then(s.client().deleteObject(b, "dir/0"))
                                .then(s.client().deleteObjects(b, List.of("dir/1", "dir/2", "dir/3", "dir/4")))
                                .map(r -> "deleteObject + deleteObjects: " + r.deleted().size() + " deleted, "
                                        + r.errors().size() + " errors"),
                        (s, b) -> putKeys(s, b, 5)
                                .then(s.s3().object(b, "dir/0").delete())
                                .then(s.s3().bucket(b).objects().delete().result())
                                .map(r -> "object.delete + objects().delete(): " + r.deleted() + " deleted")),
                new Row("9", "create / delete bucket", none,
                        (s, b) -> {
                            String other = s.target().newBucketName("tour-extra");
                            return s.client().createBucket(other).then(s.client().deleteBucket(other))
                                    .thenReturn("createBucket + deleteBucket " + other);
                        },
                        (s, b) -> {
                            String other = s.target().newBucketName("tour-extra");
                            return s.s3().createBucket(other).flatMap(Bucket::delete)
                                    .thenReturn("s3.createBucket + bucket.delete " + other);
                        }),
                new Row("10", "metadata / ACL", Set.of(Capability.ACL),
                        (s, b) -> s.client().putObject(b, "k", UploadBody.ofString("metadata"))
                                .then(s.client().putObjectAcl(b, "k", CannedAcl.PUBLIC_READ))
                                .then(s.client().headObject(b, "k").zipWith(s.client().getObjectAcl(b, "k")))
                                .map(t -> "headObject " + t.getT1().contentLength() + " B, "
                                        + t.getT2().grants().size() + " grants"),
                        (s, b) -> s.s3().object(b, "k").put("metadata")
                                .then(s.s3().objectAcl(b, "k").put(CannedAcl.PUBLIC_READ))
                                .then(s.s3().object(b, "k").load().zipWith(s.s3().objectAcl(b, "k").grants()))
                                .map(t -> "object.load " + t.getT1().contentLength() + " B, objectAcl "
                                        + t.getT2().size() + " grants")),
                new Row("11", "versioning", Set.of(Capability.VERSIONING),
                        (s, b) -> s.client().putBucketVersioning(b, VersioningStatus.ENABLED)
                                .then(s.client().putObject(b, "v", UploadBody.ofString("1"))).then(s.client().putObject(b, "v", UploadBody.ofString("2")))
                                .then(s.client().getBucketVersioning(b)).map(v -> "status " + v.status()),
                        (s, b) -> s.s3().bucketVersioning(b).enable()
                                .then(s.s3().object(b, "v").put("1")).then(s.s3().object(b, "v").put("2"))
                                .thenMany(s.s3().bucket(b).objectVersions().all()).count()
                                .map(n -> "enabled, objectVersions() -> " + n)),
                new Row("12", "tagging", Set.of(Capability.TAGGING),
                        (s, b) -> s.client().putBucketTagging(b, Map.of("team", "tour"))
                                .then(s.client().getBucketTagging(b)).map(t -> "bucket tags " + t.tags().size()),
                        (s, b) -> s.s3().bucketTagging(b).put(Map.of("team", "tour"))
                                .then(s.s3().bucketTagging(b).tagSet()).map(t -> "tagSet " + t.size())),
                new Row("13", "presigned URL / POST", Set.of(Capability.PRESIGNED_POST),
                        (s, b) -> s.client().putObject(b, "p", UploadBody.ofString("presigned"))
                                .then(s.client().presigner().getObject(b, "p", Duration.ofMinutes(5)))
                                .map(p -> "GET " + httpGet(p.url()))
                                .zipWith(s.client().presigner().post(b, PostPolicy.builder().key("form.txt")
                                        .expiresIn(Duration.ofMinutes(5)).build()).map(Tour::httpPost))
                                .map(t -> t.getT1() + ", POST " + t.getT2()),
                        (s, b) -> s.s3().object(b, "p").put("presigned")
                                .then(s.s3().object(b, "p").presignedGet(Duration.ofMinutes(5)))
                                .map(p -> "presignedGet " + httpGet(p.url()))
                                .zipWith(s.s3().bucket(b).presignedPost(PostPolicy.builder().key("form.txt")
                                        .expiresIn(Duration.ofMinutes(5)).build()).map(Tour::httpPost))
                                .map(t -> t.getT1() + ", bucket.presignedPost " + t.getT2())),
                new Row("14", "pagination", none,
                        (s, b) -> putKeys(s, b, 5).thenMany(s.client().listObjectsPages(b,
                                io.reactives3.core.ListObjectsOptions.builder().pageSize(2).build())).count()
                                .map(n -> "5 keys in pages of 2 -> " + n + " pages"),
                        (s, b) -> putKeys(s, b, 5).thenMany(s.s3().bucket(b).objects().pageSize(2).pages()).count()
                                .flatMap(pages -> s.s3().bucket(b).objects().limit(3).all().count()
                                        .map(limited -> reactor.util.function.Tuples.of(pages, limited)))
                                .map(t -> "pageSize(2) -> " + t.getT1() + " pages, limit(3) -> " + t.getT2())),
                new Row("15", "response format", none,
                        (s, b) -> s.client().putObject(b, "r", UploadBody.ofString("record"))
                                .map(r -> "record " + r.getClass().getSimpleName() + "[eTag=" + r.eTag() + "]"),
                        (s, b) -> s.s3().object(b, "r").put("record").then(s.s3().object(b, "r").load())
                                .map(h -> "S3Object(" + b + ", r) loads lazily: " + h.contentLength() + " B")),
                new Row("-", "bucket policy", Set.of(Capability.BUCKET_POLICY),
                        (s, b) -> s.client().putBucketPolicy(b, policy(b)).then(s.client().getBucketPolicy(b))
                                .map(p -> "policy of " + p.length() + " chars"),
                        (s, b) -> s.s3().bucketPolicy(b).put(policy(b)).then(s.s3().bucketPolicy(b).policy())
                                .map(p -> "policy of " + p.length() + " chars")),
                new Row("-", "lifecycle", Set.of(Capability.LIFECYCLE),
                        (s, b) -> s.client().putBucketLifecycle(b, List.of(rule()))
                                .then(s.client().getBucketLifecycle(b)).map(r -> r.size() + " rule(s)"),
                        (s, b) -> s.s3().bucketLifecycleConfiguration(b).put(List.of(rule()))
                                .then(s.s3().bucketLifecycleConfiguration(b).rules()).map(r -> r.size() + " rule(s)")));
    }

    private static Mono<Void> putKeys(Session s, String bucket, int count) {
        return Flux.range(0, count).flatMap(i -> s.client().putObject(bucket, "dir/" + i, UploadBody.ofString("object " + i)), 4)
                .then();
    }

    private static Path file(Session s, int mebibytes) throws IOException {
        Path f = Files.createTempFile(s.work(), "upload", ".bin");
        byte[] data = new byte[mebibytes << 20];
        ThreadLocalRandom.current().nextBytes(data);
        return Files.write(f, data);
    }

    /** Uploads a 24 MiB file and a small object, downloads both, compares the bytes. */
    private static Mono<String> roundTrip(Session s, String bucket,
                                          java.util.function.Function<Path, Mono<Void>> download,
                                          Mono<String> small) {
        return Mono.fromCallable(() -> file(s, 24)).flatMap(source -> {
            Path dest = source.resolveSibling(source.getFileName() + ".down");
            return s.engine().uploadFile(source, bucket, "big.bin").result()
                    .then(s.client().putObject(bucket, "small.txt", UploadBody.ofString("hello")))
                    .then(download.apply(dest))
                    .then(small)
                    .map(text -> {
                        boolean same = Arrays.equals(read(source), read(dest)) && text.equals("hello");
                        if (!same) {
                            throw new IllegalStateException("downloaded bytes differ from the uploaded ones");
                        }
                        return "24 MiB file and small object back, bytes equal";
                    });
        });
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String httpGet(URI url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("presigned GET answered " + r.statusCode());
            }
            return r.statusCode() + " \"" + r.body() + "\"";
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the form a browser would: the policy's fields, then the file. */
    private static String httpPost(io.reactives3.core.model.PresignedPost form) {
        String boundary = "tour" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        form.fields().forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"form.txt\"\r\n")
                .append("Content-Type: text/plain\r\n\r\n").append("from a form").append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(form.url())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("presigned POST answered " + r.statusCode() + ": " + r.body());
            }
            return String.valueOf(r.statusCode());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String policy(String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
    }

    private static BucketLifecycleRule rule() {
        return BucketLifecycleRule.builder().id("expire-tmp").prefix("tmp/").enabled(true).expirationDays(7).build();
    }
}
