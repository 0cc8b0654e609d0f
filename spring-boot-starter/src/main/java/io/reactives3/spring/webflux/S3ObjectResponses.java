package io.reactives3.spring.webflux;

import io.reactives3.core.ByteRange;
import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.NotModifiedException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.error.RangeNotSatisfiableException;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.ObjectStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves an S3 object as an HTTP response, for annotated controllers ({@link #entity}) and functional endpoints
 * ({@link #response}), with what a browser or a download manager expects:
 * <ul>
 *   <li>{@code Content-Length}, {@code Content-Type} (the object's, else {@code application/octet-stream}),
 *       {@code ETag}, {@code Last-Modified}, {@code Accept-Ranges: bytes}, and the object's {@code Cache-Control},
 *       {@code Content-Encoding} and {@code Content-Disposition} when it has them;</li>
 *   <li>a single {@code Range} ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) as {@code 206} with
 *       {@code Content-Range}, honouring {@code If-Range}; several ranges are answered with the whole object
 *       ({@code 200}); an unsatisfiable range is {@code 416} with {@code Content-Range: bytes *}{@code /size};</li>
 *   <li>conditional requests as RFC 9110 orders them: {@code If-Match}, else {@code If-Unmodified-Since}
 *       ({@code 412}); {@code If-None-Match}, else {@code If-Modified-Since} ({@code 304} with the {@code ETag});
 *       the store is asked with the same conditions, and the answer is checked again here for stores that ignore
 *       them;</li>
 *   <li>{@code HEAD} as HeadObject: the headers, no body, no GET sent;</li>
 *   <li>a missing object as {@code 404} with an empty body; other errors (access denied, the network) arrive
 *       through {@code onError} as the client's typed exceptions, for the application's error handling.</li>
 * </ul>
 * The body streams from the store with backpressure: bytes are read as the HTTP connection takes them, and a client
 * that goes away cancels the GET. Nothing is sent to the store before the returned {@link Mono} is subscribed.
 */
public final class S3ObjectResponses {

    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final MediaType DEFAULT_TYPE = MediaType.APPLICATION_OCTET_STREAM;

    private S3ObjectResponses() {
    }

    /**
     * The object as a {@link ResponseEntity} for an annotated controller ({@code @GetMapping} methods answer
     * {@code HEAD} too: pass the request and the helper sends HeadObject instead of a GET).
     */
    public static Mono<ResponseEntity<Flux<DataBuffer>>> entity(ReactiveS3Client client, String bucket, String key,
                                                                ServerHttpRequest request) {
        Objects.requireNonNull(request, "request");
        return reply(client, bucket, key, request.getMethod(), request.getHeaders())
                .map(r -> {
                    ResponseEntity.BodyBuilder builder = ResponseEntity.status(r.status()).headers(r.headers());
                    return r.body() == null ? builder.build() : builder.body(r.body());
                });
    }

    /** The object as a {@link ServerResponse} for a functional endpoint (GET and HEAD routes). */
    public static Mono<ServerResponse> response(ReactiveS3Client client, String bucket, String key,
                                                ServerRequest request) {
        Objects.requireNonNull(request, "request");
        return reply(client, bucket, key, request.method(), request.headers().asHttpHeaders())
                .flatMap(r -> {
                    ServerResponse.BodyBuilder builder = ServerResponse.status(r.status())
                            .headers(h -> h.addAll(r.headers()));
                    return r.body() == null ? builder.build()
                            : builder.body(BodyInserters.fromDataBuffers(r.body()));
                });
    }

    /** Status, headers and (for GET) body of the answer to {@code method} with {@code request}'s headers. */
    static Mono<Reply> reply(ReactiveS3Client client, String bucket, String key, HttpMethod method,
                             HttpHeaders request) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(method, "method");
        Conditions conditions = Conditions.of(request);
        boolean head = HttpMethod.HEAD.equals(method);
        GetObjectOptions.Builder options = GetObjectOptions.builder();
        conditions.applyTo(options);
        Mono<Reply> answer;
        if (head) {
            answer = client.headObject(bucket, key, options.build())
                    .map(h -> {
                        HttpStatus failed = conditions.evaluate(h, true);
                        return failed != null ? conditional(failed, h)
                                : new Reply(HttpStatus.OK, headers(h, null), null);
                    });
        } else {
            ByteRange range = parseRange(request.getFirst(HttpHeaders.RANGE));
            String ifRange = request.getFirst(HttpHeaders.IF_RANGE);
            Mono<@Nullable ByteRange> effectiveRange = range == null || ifRange == null ? Mono.justOrEmpty(range)
                    : client.headObject(bucket, key).mapNotNull(h -> ifRangeHolds(ifRange, h) ? range : null);
            answer = effectiveRange.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(r -> {
                        r.ifPresent(options::range);
                        return client.getObjectStream(bucket, key, options.build())
                                .map(stream -> get(stream, r.orElse(null), conditions));
                    });
        }
        return answer
                .onErrorResume(NotModifiedException.class, e -> {
                    HttpHeaders h = new HttpHeaders();
                    if (e.eTag() != null) {
                        h.setETag(ETag.quoteETagIfNecessary(e.eTag()));
                    }
                    return Mono.just(new Reply(HttpStatus.NOT_MODIFIED, h, null));
                })
                .onErrorResume(PreconditionFailedException.class,
                        e -> Mono.just(new Reply(HttpStatus.PRECONDITION_FAILED, new HttpHeaders(), null)))
                .onErrorResume(ObjectNotFoundException.class,
                        e -> Mono.just(new Reply(HttpStatus.NOT_FOUND, new HttpHeaders(), null)))
                .onErrorResume(RangeNotSatisfiableException.class, e -> {
                    HttpHeaders h = new HttpHeaders();
                    if (e.objectSize() != RangeNotSatisfiableException.UNKNOWN_SIZE) {
                        h.set(HttpHeaders.CONTENT_RANGE, "bytes */" + e.objectSize());
                    }
                    return Mono.just(new Reply(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, h, null));
                });
    }

    private static Reply get(ObjectStream stream, @Nullable ByteRange range, Conditions conditions) {
        ObjectHead h = stream.head();
        HttpStatus failed = conditions.evaluate(h, true);
        if (failed != null) {
            // the store ignored a condition: drop the body it started to send
            stream.body().take(0).subscribe();
            return conditional(failed, h);
        }
        Flux<DataBuffer> body = stream.body().map(DefaultDataBufferFactory.sharedInstance::wrap);
        if (range == null) {
            return new Reply(HttpStatus.OK, headers(h, null), body);
        }
        return new Reply(HttpStatus.PARTIAL_CONTENT, headers(h, contentRange(range, h)), body);
    }

    private static Reply conditional(HttpStatus status, ObjectHead h) {
        HttpHeaders headers = new HttpHeaders();
        if (status == HttpStatus.NOT_MODIFIED) {
            if (h.eTag() != null) {
                headers.setETag(ETag.quoteETagIfNecessary(h.eTag()));
            }
            if (h.lastModified() != null) {
                headers.setLastModified(h.lastModified());
            }
        }
        return new Reply(status, headers, null);
    }

    private static HttpHeaders headers(ObjectHead h, @Nullable String contentRange) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(mediaType(h.contentType()));
        if (h.contentLength() != null) {
            headers.setContentLength(h.contentLength());
        }
        if (h.eTag() != null) {
            headers.setETag(ETag.quoteETagIfNecessary(h.eTag()));
        }
        if (h.lastModified() != null) {
            headers.setLastModified(h.lastModified());
        }
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (h.cacheControl() != null) {
            headers.setCacheControl(h.cacheControl());
        }
        if (h.contentEncoding() != null) {
            headers.set(HttpHeaders.CONTENT_ENCODING, h.contentEncoding());
        }
        if (h.contentDisposition() != null) {
            headers.set(HttpHeaders.CONTENT_DISPOSITION, h.contentDisposition());
        }
        if (contentRange != null) {
            headers.set(HttpHeaders.CONTENT_RANGE, contentRange);
        }
        return headers;
    }

    /** The stored content type, or {@code application/octet-stream} when there is none or it does not parse. */
    private static MediaType mediaType(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return DEFAULT_TYPE;
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException
            return DEFAULT_TYPE;
        }
    }

    /** {@code bytes first-last/size} from the range asked for and what the store answered. */
    private static String contentRange(ByteRange asked, ObjectHead h) {
        Long size = h.objectSize();
        long length = h.contentLength() != null ? h.contentLength() : -1;
        long first;
        if (asked.first() >= 0) {
            first = asked.first();
        } else if (size != null && length >= 0) {
            first = size - length;
        } else {
            return "bytes */" + (size != null ? size : "*");
        }
        long last = length >= 0 ? first + length - 1 : size != null ? size - 1 : first;
        return "bytes " + first + "-" + last + "/" + (size != null ? size.toString() : "*");
    }

    /** One byte range, or null for none, several, or a malformed header (answered with the whole object). */
    static @Nullable ByteRange parseRange(@Nullable String header) {
        if (header == null) {
            return null;
        }
        Matcher m = SINGLE_RANGE.matcher(header.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            String a = m.group(1);
            String b = m.group(2);
            if (a.isEmpty() && b.isEmpty()) {
                return null;
            }
            if (a.isEmpty()) {
                long count = Long.parseLong(b);
                return count == 0 ? null : ByteRange.lastBytes(count);
            }
            long first = Long.parseLong(a);
            if (b.isEmpty()) {
                return ByteRange.from(first);
            }
            long last = Long.parseLong(b);
            return last < first ? null : ByteRange.of(first, last);
        } catch (RuntimeException e) {
            return null; // out of range numbers: ignore the header, as RFC 9110 allows
        }
    }

    /** Whether {@code If-Range} (a strong ETag or an HTTP date) still describes the object. */
    private static boolean ifRangeHolds(String ifRange, ObjectHead h) {
        String value = ifRange.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            List<ETag> tags = ETag.parse(value);
            return h.eTag() != null && tags.size() == 1
                    && tags.get(0).compare(ETag.create(ETag.quoteETagIfNecessary(h.eTag())), true);
        }
        HttpHeaders parsed = new HttpHeaders();
        parsed.set(HttpHeaders.IF_UNMODIFIED_SINCE, value);
        try {
            long date = parsed.getIfUnmodifiedSince();
            return date >= 0 && h.lastModified() != null && h.lastModified().getEpochSecond() == date / 1000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The answer's parts; {@code body} null for none. */
    record Reply(HttpStatus status, HttpHeaders headers, @Nullable Flux<DataBuffer> body) {
    }

    /** The request's preconditions. */
    private record Conditions(List<ETag> ifMatch, long ifUnmodifiedSince, List<ETag> ifNoneMatch,
                              long ifModifiedSince) {

        static Conditions of(HttpHeaders h) {
            return new Conditions(tags(h.getFirst(HttpHeaders.IF_MATCH)), date(h, HttpHeaders.IF_UNMODIFIED_SINCE),
                    tags(h.getFirst(HttpHeaders.IF_NONE_MATCH)), date(h, HttpHeaders.IF_MODIFIED_SINCE));
        }

        private static List<ETag> tags(@Nullable String header) {
            return header == null ? List.of() : ETag.parse(header);
        }

        private static long date(HttpHeaders h, String name) {
            try {
                return h.getFirstDate(name);
            } catch (IllegalArgumentException e) {
                return -1; // an invalid date is ignored (RFC 9110)
            }
        }

        /** Asks the store for the same: a single tag, or the date when there is no tag list. */
        void applyTo(GetObjectOptions.Builder options) {
            if (ifMatch.size() == 1 && !ifMatch.get(0).isWildcard() && !ifMatch.get(0).weak()) {
                options.ifMatch(ifMatch.get(0).tag());
            } else if (ifMatch.isEmpty() && ifUnmodifiedSince >= 0) {
                options.ifUnmodifiedSince(Instant.ofEpochMilli(ifUnmodifiedSince));
            }
            if (ifNoneMatch.size() == 1 && !ifNoneMatch.get(0).isWildcard()) {
                options.ifNoneMatch(ifNoneMatch.get(0).tag());
            } else if (ifNoneMatch.isEmpty() && ifModifiedSince >= 0) {
                options.ifModifiedSince(Instant.ofEpochMilli(ifModifiedSince));
            }
        }

        /** 412, 304, or null when the request goes ahead, for a GET or HEAD of the object {@code h} describes. */
        @Nullable HttpStatus evaluate(ObjectHead h, boolean safeMethod) {
            ETag current = h.eTag() == null ? null : ETag.create(ETag.quoteETagIfNecessary(h.eTag()));
            long modified = h.lastModified() == null ? -1 : h.lastModified().getEpochSecond();
            if (!ifMatch.isEmpty()) {
                if (current == null || ifMatch.stream().noneMatch(t -> t.isWildcard() || t.compare(current, true))) {
                    return HttpStatus.PRECONDITION_FAILED;
                }
            } else if (ifUnmodifiedSince >= 0 && modified >= 0 && modified > ifUnmodifiedSince / 1000) {
                return HttpStatus.PRECONDITION_FAILED;
            }
            if (!ifNoneMatch.isEmpty()) {
                if (current != null && ifNoneMatch.stream().anyMatch(t -> t.isWildcard() || t.compare(current, false))) {
                    return safeMethod ? HttpStatus.NOT_MODIFIED : HttpStatus.PRECONDITION_FAILED;
                }
            } else if (safeMethod && ifModifiedSince >= 0 && modified >= 0 && modified <= ifModifiedSince / 1000) {
                return HttpStatus.NOT_MODIFIED;
            }
            return null;
        }
    }
}
