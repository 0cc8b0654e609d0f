package io.reactives3.transfer;

import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Engines and helpers for the integration tests: 5 MiB parts, a 6 MiB threshold, fast retries. */
final class Engines {

    static final long MIB = TestData.MIB;
    /** Part size in the tests. */
    static final long PART = 5 * MIB;
    /** Multipart threshold in the tests. */
    static final long THRESHOLD = 6 * MIB;
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Engines() {
    }

    static TransferSettings settings(TransferBackend backend) {
        return TransferSettings.defaults().withPartSize(PART).withMultipartThreshold(THRESHOLD)
                .withRetryBackoff(Duration.ofMillis(20)).withProgressInterval(Duration.ofMillis(50))
                .withPartIdleTimeout(Duration.ofSeconds(2))
                .withBackend(backend);
    }

    /** A Reactor-backend engine over the target's shared client. */
    static S3TransferEngine reactor(S3Target target) {
        return S3TransferEngine.create(TargetClients.client(target), settings(TransferBackend.REACTOR));
    }

    /** An engine of {@code backend} over the target's shared client. */
    static S3TransferEngine engine(S3Target target, TransferBackend backend) {
        return S3TransferEngine.create(TargetClients.client(target), settings(backend));
    }

    /**
     * The GET of an object's first part (its range starts at byte 0). Not "the first GET": parts are requested in
     * parallel, and a short last part sometimes arrives first, where a fault at byte 1,000 changes nothing.
     */
    static Fault firstPartGet() {
        return Fault.on(head -> head.operation().equals("GetObject")
                && head.header("range").orElse("").startsWith("bytes=0-"));
    }

    /** The recorded requests of {@code operation} on the bucket. */
    static List<RecordedRequest> requests(S3Target target, TestBucket bucket, String operation) {
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        return target.requestLog().forBucket(bucket.name()).stream()
                .filter(r -> r.operation().equals(operation)).toList();
    }

    /** UploadPart requests per part number, with their statuses, in order. */
    static Map<Integer, List<Integer>> partStatuses(List<RecordedRequest> uploadParts) {
        return uploadParts.stream().collect(Collectors.groupingBy(
                r -> Integer.parseInt(r.head().queryParam("partNumber").orElseThrow()), TreeMap::new,
                Collectors.mapping(RecordedRequest::status, Collectors.toList())));
    }

    /** The multipart ETag of {@code content} cut in {@code partSize} parts ({@code md5(part md5s)-N}). */
    static String multipartETag(byte[] content, long partSize) {
        MessageDigest all = md5();
        int parts = 0;
        for (int offset = 0; offset < content.length; offset += (int) partSize) {
            MessageDigest part = md5();
            part.update(content, offset, (int) Math.min(partSize, content.length - offset));
            all.update(part.digest());
            parts++;
        }
        return java.util.HexFormat.of().formatHex(all.digest()) + "-" + parts;
    }

    static String md5Hex(byte[] content) {
        return java.util.HexFormat.of().formatHex(md5().digest(content));
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
