package io.reactives3.cli;

import io.reactives3.core.ListObjectsOptions;
import io.reactives3.core.model.BucketSummary;
import io.reactives3.core.model.ListObjectsPage;
import io.reactives3.core.model.ListedObject;
import io.reactives3.core.model.PresignedRequest;
import io.reactives3.transfer.model.BatchDeleteResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The verbs but cp and sync (see {@link Copy}): each prints what it did and returns the exit code. */
final class Commands {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Commands() {
    }

    static int run(Session s) {
        String verb = s.options.verb;
        return switch (verb == null ? "" : verb) {
            case "ls" -> ls(s);
            case "cp" -> Copy.cp(s);
            case "sync" -> Copy.sync(s);
            case "rm" -> rm(s);
            case "mb" -> mb(s);
            case "rb" -> rb(s);
            case "presign" -> presign(s);
            case "serve" -> serve(s);
            default -> throw CliException.usage("unknown command '" + verb + "'");
        };
    }

    private static int ls(Session s) {
        List<String> args = s.options.operands(0, 1, "ls [s3://bucket[/prefix]] [--recursive] [--summarize]");
        if (args.isEmpty()) {
            Flux<BucketSummary> buckets = s.target.client.listBuckets();
            s.await(buckets.doOnNext(b -> s.say(date(b.creationDate()) + " " + b.name())).then(), null);
            return Rs3.OK;
        }
        Location at = Location.parse(args.get(0));
        String prefix = at.keyName();
        boolean recursive = s.options.has("recursive");
        ListObjectsOptions options = ListObjectsOptions.builder().prefix(prefix.isEmpty() ? null : prefix)
                .delimiter(recursive ? null : "/").build();
        // names are shown relative to the prefix's folder, as aws s3 ls does
        String folder = recursive ? "" : prefix.substring(0, prefix.lastIndexOf('/') + 1);
        AtomicLong count = new AtomicLong();
        AtomicLong size = new AtomicLong();
        Flux<ListObjectsPage> pages = s.target.client.listObjectsPages(at.bucketName(), options);
        // pages are asked for one at a time as this thread prints them: a huge listing costs one page of memory
        for (ListObjectsPage page : pages.toIterable(1)) {
            s.checkCancelled();
            page.commonPrefixes().forEach(p -> s.out.println(String.format(Locale.ROOT, "%30s %s", "PRE",
                    p.substring(folder.length()))));
            for (ListedObject o : page.objects()) {
                count.incrementAndGet();
                size.addAndGet(o.size());
                s.out.println(String.format(Locale.ROOT, "%s %10d %s", date(o.lastModified()), o.size(),
                        o.key().substring(folder.length())));
            }
        }
        if (s.options.has("summarize")) {
            s.out.println();
            s.out.println("Total Objects: " + count.get());
            s.out.println("   Total Size: " + size.get() + " (" + ProgressBar.bytes(size.get()) + ")");
        }
        return Rs3.OK;
    }

    private static int mb(Session s) {
        Location at = Location.parse(s.options.operands(1, 1, "mb s3://bucket").get(0));
        requireBucketOnly(at, "mb");
        s.await(s.target.client.createBucket(at.bucketName()), null);
        s.say("make_bucket: " + at.bucketName());
        s.await(Mono.empty(), null);
        return Rs3.OK;
    }

    private static int rb(Session s) {
        Location at = Location.parse(s.options.operands(1, 1, "rb s3://bucket [--force]").get(0));
        requireBucketOnly(at, "rb");
        String bucket = at.bucketName();
        if (s.options.has("force")) {
            // unfinished multipart uploads keep a bucket from being deleted on some stores
            s.await(s.target.client.listMultipartUploads(bucket)
                    .flatMap(u -> s.target.client.abortMultipartUpload(u.handle()), 4).then(), null);
            int code = deletePrefix(s, bucket, "");
            if (code != Rs3.OK) {
                return code;
            }
        }
        try {
            s.await(s.target.client.deleteBucket(bucket), null);
        } catch (io.reactives3.core.error.BucketConflictException e) {
            throw CliException.failed("bucket '" + bucket + "' is not empty (rb --force deletes what is in it first): "
                    + e.getMessage());
        }
        s.say("remove_bucket: " + bucket);
        s.await(Mono.empty(), null);
        return Rs3.OK;
    }

    private static int rm(Session s) {
        Location at = Location.parse(s.options.operands(1, 1, "rm s3://bucket/key | rm --recursive s3://bucket/prefix")
                .get(0));
        String bucket = at.bucketName();
        if (!s.options.has("recursive")) {
            if (at.keyName().isEmpty()) {
                throw CliException.usage("rm needs a key (s3://bucket/key), or --recursive for a folder or bucket");
            }
            if (s.options.has("dry-run")) {
                s.out.println("(dry run) delete: " + at);
                return Rs3.OK;
            }
            // DeleteObject succeeds for a missing key; HeadObject first, to report it (as a failed key)
            try {
                s.await(s.target.client.headObject(bucket, at.keyName())
                        .then(s.target.client.deleteObject(bucket, at.keyName())), null);
            } catch (io.reactives3.core.error.ObjectNotFoundException e) {
                s.failed(at.keyName(), e);
                return s.report("rm", 1);
            }
            s.say("delete: " + at);
            s.await(Mono.empty(), null);
            return Rs3.OK;
        }
        String prefix = at.folderPrefix();
        if (s.options.has("dry-run")) {
            s.await(s.target.client.listObjects(bucket, o -> o.prefix(prefix.isEmpty() ? null : prefix))
                    .doOnNext(o -> s.say("(dry run) delete: s3://" + bucket + "/" + o.key())).then(), null);
            return Rs3.OK;
        }
        return deletePrefix(s, bucket, prefix);
    }

    private static int deletePrefix(Session s, String bucket, String prefix) {
        BatchDeleteResult result = s.await(s.target.engine.deletePrefix(bucket, prefix, false).result(), null);
        if (result == null) {
            throw new IllegalStateException("delete of s3://" + bucket + "/" + prefix + " gave no result");
        }
        result.errors().forEach(e -> s.failed(e.key(), CliException.failed(e.code() + ": " + e.message())));
        s.out.println("delete: " + result.deleted() + " objects under s3://" + bucket + "/" + prefix
                + (result.failed() > 0 ? ", " + result.failed() + " failed" : "") + " (" + result.requests()
                + " DeleteObjects requests)");
        return s.report("rm", result.deleted() + result.failed());
    }

    private static int presign(Session s) {
        Location at = Location.parse(s.options.operands(1, 1,
                "presign s3://bucket/key [--expires-in SECONDS] [--method GET|PUT]").get(0));
        if (at.keyName().isEmpty()) {
            throw CliException.usage("presign needs a key: s3://bucket/key");
        }
        Duration expiry = s.options.durationSeconds("expires-in", 3600);
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(Duration.ofDays(7)) > 0) {
            throw CliException.usage("--expires-in must be 1..604800 seconds (7 days)");
        }
        String method = s.options.value("method") == null ? "GET"
                : s.options.value("method").toUpperCase(Locale.ROOT);
        Mono<PresignedRequest> url = switch (method) {
            case "GET" -> s.target.client.presigner().getObject(at.bucketName(), at.keyName(), expiry);
            case "PUT" -> s.target.client.presigner().putObject(at.bucketName(), at.keyName(), expiry);
            default -> throw CliException.usage("--method must be GET or PUT, not '" + method + "'");
        };
        PresignedRequest request = s.await(url, null);
        if (request == null) {
            throw new IllegalStateException("the presigner gave no URL");
        }
        s.out.println(request.url());
        return Rs3.OK;
    }

    /** Keeps the {@code --server} running and prints how to point other commands at it, until Ctrl-C. */
    private static int serve(Session s) {
        s.options.operands(0, 0, "--server KIND serve");
        io.reactives3.testkit.S3Target server = s.target.server();
        if (server == null) {
            throw CliException.usage("serve needs --server KIND (s3proxy, local-s3, ceph-rgw, minio)");
        }
        s.out.println("# " + server.name() + " runs until Ctrl-C; in another shell:");
        s.out.println("export REACTIVE_S3_ENDPOINT=" + server.endpoint() + " REACTIVE_S3_REGION=" + server.region().id()
                + " REACTIVE_S3_ACCESS_KEY=" + server.accessKey() + " REACTIVE_S3_SECRET_KEY=" + server.secretKey()
                + " REACTIVE_S3_PATH_STYLE=" + server.pathStyle());
        s.out.flush();
        s.await(Mono.never(), null);
        return Rs3.OK;
    }

    private static void requireBucketOnly(Location at, String verb) {
        if (!at.keyName().isEmpty()) {
            throw CliException.usage(verb + " takes a bucket (s3://bucket), not a key");
        }
    }

    static String date(Instant instant) {
        return instant == null ? "                   " : DATE.format(instant);
    }
}
