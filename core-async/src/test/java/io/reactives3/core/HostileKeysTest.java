package io.reactives3.core;

import io.reactives3.core.testing.TargetClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.model.ListedObject;
import io.reactives3.core.model.PresignedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Hostile object keys on real stores: each key of {@link #KEYS} is put, must be listed exactly as given, read back
 * byte for byte by getObject and by a presigned GET sent with {@code java.net.http}, copied from and to, and deleted.
 * Where a store cannot hold a key the test pins what that store does instead ({@link #QUIRKS}), so a change in the
 * client's encoding or in the store shows up as a failure. A key of 1,025 UTF-8 bytes and bucket names holding URL
 * delimiters are refused with {@link InvalidInputException} before any request is sent.
 */
class HostileKeysTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Exactly 1,024 UTF-8 bytes, in segments short enough for a store that keeps keys as file names. */
    static final String KEY_1024 = exactBytes("long/" + ("é".repeat(100) + "/").repeat(4), 1024);

    static final List<String> KEYS = List.of(
            "with space.txt",
            "plus+sign.txt",
            "percent%41.txt",
            "equals=sign.txt",
            "question?mark.txt",
            "hash#tag.txt",
            "caf\u00e9.txt",            // NFC: é as one code point
            "cafe\u0301.txt",           // NFD: e + combining acute accent, a different key
            "emoji-\uD83D\uDE00.txt",
            "/leading-slash.txt",
            "double//slash.txt",
            "a/./b.txt",
            "a/../b.txt",
            "trailing-dot.",
            KEY_1024);

    /** Every step as it should go. */
    private static final String ROUND_TRIP = "put=ok listed=ok get=ok presigned=ok copyFrom=ok delete=ok copyTo=ok";

    /**
     * What a store does instead of {@link #ROUND_TRIP}, per key (measured; see RELIABILITY.md). Ceph RGW 16.2 keeps
     * every key as given. S3Proxy 4.1 (file-system store) keeps keys as file paths: it stores and lists the
     * normalised path ({@code a/./b.txt} as {@code a/b.txt}, {@code a/../b.txt} as {@code b.txt}, {@code //} as
     * {@code /}) while reads of the key as given still find it, fails copying onto {@code a/../b.txt} with a 500,
     * and refuses a leading {@code /} with 400 InvalidRequest.
     */
    private static final Map<StoreKind, Map<String, String>> QUIRKS = Map.of(
            StoreKind.S3PROXY, Map.of(
                    "/leading-slash.txt", "put=BadRequestException(400 InvalidRequest) listed=missing"
                            + " get=BadRequestException(400 InvalidRequest) presigned=IllegalStateException(status 400)"
                            + " copyFrom=BadRequestException(400 InvalidRequest)"
                            + " delete=BadRequestException(400 InvalidRequest)"
                            + " copyTo=ObjectNotFoundException(404 NoSuchKey)",
                    "double//slash.txt", ROUND_TRIP.replace("listed=ok", "listed=as double/slash.txt"),
                    "a/./b.txt", ROUND_TRIP.replace("listed=ok", "listed=as a/b.txt"),
                    "a/../b.txt", ROUND_TRIP.replace("listed=ok", "listed=as b.txt")
                            .replace("copyTo=ok", "copyTo=S3ServiceException(500 InternalError)")),
            StoreKind.CEPH_RGW, Map.of());

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void hostileKeys_roundTripExactly_orAsTheStoreIsKnownToBehave(S3Target target, TestBucket bucket)
            throws Exception {
        assertThat(KEY_1024.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
        ReactiveS3Client s3 = TargetClients.client(target);
        String b = bucket.name();
        Map<String, StringBuilder> outcomes = new LinkedHashMap<>();
        for (String key : KEYS) {
            outcomes.put(key, new StringBuilder("put=" + step(() -> s3.putObject(b, key, UploadBody.ofBytes(body(key))).block(TIMEOUT)
                    != null)));
        }
        List<String> listed = s3.listObjects(b).map(ListedObject::key).collectList().block(TIMEOUT);
        for (int i = 0; i < KEYS.size(); i++) {
            String key = KEYS.get(i);
            String copy = "copy-" + i;
            StringBuilder outcome = outcomes.get(key);
            outcome.append(" listed=").append(listed.contains(key) ? "ok"
                    : listed.contains(normalised(key)) ? "as " + normalised(key) : "missing");
            outcome.append(" get=").append(step(() -> Arrays.equals(s3.getObject(b, key).block(TIMEOUT).content(),
                    body(key))));
            outcome.append(" presigned=").append(step(() -> presignedGet(s3, b, key)));
            outcome.append(" copyFrom=").append(step(() -> s3.copyObject(b, key, b, copy).block(TIMEOUT) != null
                    && Arrays.equals(s3.getObject(b, copy).block(TIMEOUT).content(), body(key))));
            outcome.append(" delete=").append(step(() -> s3.deleteObject(b, key).block(TIMEOUT) != null
                    && !s3.objectExists(b, key).block(TIMEOUT)));
            outcome.append(" copyTo=").append(step(() -> s3.copyObject(b, copy, b, key).block(TIMEOUT) != null
                    && Arrays.equals(s3.getObject(b, key).block(TIMEOUT).content(), body(key))));
            step(() -> s3.deleteObject(b, key).then(s3.deleteObject(b, copy)).block(TIMEOUT) != null);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        KEYS.forEach(key -> expected.put(key, QUIRKS.get(target.kind()).getOrDefault(key, ROUND_TRIP)));
        Map<String, String> actual = new LinkedHashMap<>();
        outcomes.forEach((key, outcome) -> actual.put(key, outcome.toString()));
        assertThat(actual).as("listed after the puts: %s", listed).containsExactlyEntriesOf(expected);
        assertThat(s3.listObjects(b).map(ListedObject::key).collectList().block(TIMEOUT)).isEmpty();
    }

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void keyOf1025Bytes_andBucketNamesWithUrlDelimiters_refusedBeforeAnyRequest(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        Presigner presigner = s3.presigner();
        String b = bucket.name();
        String tooLong = KEY_1024 + "x";
        assertThat(tooLong.getBytes(StandardCharsets.UTF_8)).hasSize(1025);
        target.requestLog().awaitIdle(Duration.ofSeconds(2));
        int before = target.requestLog().all().size();

        List<ThrowingCallable> keyCalls = List.of(
                () -> s3.putObject(b, tooLong, UploadBody.ofString("x")),
                () -> s3.getObject(b, tooLong),
                () -> s3.getObjectStream(b, tooLong, GetObjectOptions.defaults()),
                () -> s3.headObject(b, tooLong),
                () -> s3.copyObject(b, tooLong, b, "k"),
                () -> s3.copyObject(b, "k", b, tooLong),
                () -> s3.deleteObject(b, tooLong),
                () -> s3.createMultipartUpload(b, tooLong, PutObjectOptions.defaults()),
                () -> presigner.getObject(b, tooLong, TIMEOUT),
                () -> presigner.putObject(b, tooLong, TIMEOUT),
                () -> presigner.headObject(b, tooLong, TIMEOUT),
                () -> presigner.deleteObject(b, tooLong, TIMEOUT));
        keyCalls.forEach(call -> assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1025 UTF-8 bytes"));

        for (String name : List.of("bad:name", "bad@name", "bad#name", "bad/name", "bad?name", "a:b@c#d/e?f")) {
            List<ThrowingCallable> bucketCalls = List.of(
                    () -> s3.putObject(name, "k", UploadBody.ofString("x")),
                    () -> s3.getObject(name, "k"),
                    () -> s3.copyObject(b, "k", name, "k"),
                    () -> s3.deleteObject(name, "k"),
                    () -> s3.listObjects(name),
                    () -> presigner.getObject(name, "k", TIMEOUT),
                    () -> presigner.putObject(name, "k", TIMEOUT),
                    () -> presigner.deleteObject(name, "k", TIMEOUT));
            bucketCalls.forEach(call -> assertThatThrownBy(call).as("bucket %s", name)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("invalid bucket name '" + name + "'"));
        }

        target.requestLog().awaitIdle(Duration.ofSeconds(2));
        assertThat(target.requestLog().forBucket(b)).isEmpty();
        assertThat(target.requestLog().all()).hasSize(before);
    }

    /** GETs {@code key} through a presigned URL with a plain HTTP client: whether it answers 200 with the body. */
    private static boolean presignedGet(ReactiveS3Client s3, String bucket, String key) throws Exception {
        PresignedRequest get = s3.presigner().getObject(bucket, key, Duration.ofMinutes(5)).block(TIMEOUT);
        HttpRequest.Builder request = HttpRequest.newBuilder(get.url()).timeout(TIMEOUT).GET();
        get.signedHeaders().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
        return Arrays.equals(response.body(), body(key));
    }

    /** "ok", "differs" when the check gave false, or the error's type (and S3 status and code). */
    private static String step(Callable<Boolean> check) {
        try {
            return check.call() ? "ok" : "differs";
        } catch (S3ServiceException e) {
            return e.getClass().getSimpleName() + "(" + e.statusCode() + " " + e.errorCode() + ")";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
        }
    }

    /** Content that differs per key, so that two keys a store merges are told apart. */
    private static byte[] body(String key) {
        return ("content of " + key).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code key} as a file path normalised: no empty or {@code .} segments, {@code ..} resolved. */
    private static String normalised(String key) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : key.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    /** {@code start} padded with {@code x} to exactly {@code bytes} UTF-8 bytes. */
    private static String exactBytes(String start, int bytes) {
        return start + "x".repeat(bytes - start.getBytes(StandardCharsets.UTF_8).length);
    }
}
