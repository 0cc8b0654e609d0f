package io.reactives3.core.internal;

import io.reactives3.core.error.AccessDeniedException;
import io.reactives3.core.error.BadRequestException;
import io.reactives3.core.error.BucketConflictException;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.NotModifiedException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.error.RangeNotSatisfiableException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.error.S3TimeoutException;
import io.reactives3.core.error.S3ToolkitException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.error.ServiceErrorContext;
import io.reactives3.core.error.ThrottledException;
import io.reactives3.core.error.UnsupportedByStoreException;
import io.reactives3.core.error.UploadNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Turns SDK, CRT and I/O failures into the toolkit's typed exceptions, naming the operation, bucket and key. Used by
 * every module of the project (the transfer engine included) so one error reads the same everywhere.
 *
 * <p>Mapping: a store's error answer becomes an {@link S3ServiceException} subtype (or
 * {@link UnsupportedByStoreException} for 501 / {@code NotImplemented}); an expired timeout anywhere in the cause
 * chain an {@link S3TimeoutException}; a checksum failure a {@link DataIntegrityException}; any other SDK client
 * failure or {@link IOException} an {@link S3TransportException}; a call on a closed client the
 * {@link IllegalStateException} that says so. Anything else (an {@link Error}, a caller's own
 * exception) is returned unchanged: it is not disguised as a toolkit error.
 */
public final class S3Errors {

    private static final Set<String> OBJECT_MISSING = Set.of("NoSuchKey", "NoSuchVersion", "NoSuchObject");
    private static final Set<String> THROTTLING = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "RequestLimitExceeded", "TooManyRequests", "RequestThrottled");
    private static final Set<String> OBJECT_OPERATIONS = Set.of("HeadObject", "GetObject", "GetObjectAcl",
            "GetObjectTagging", "CopyObject");
    /** Operations on an existing multipart upload (not UploadPartCopy: its 404 may be the copy source's). */
    private static final Set<String> UPLOAD_OPERATIONS = Set.of("UploadPart", "ListParts",
            "CompleteMultipartUpload", "AbortMultipartUpload");
    /** {@code Content-Range: bytes *}{@code /1234} of a 416 answer. */
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)\\s*");
    /** AWS states the size of the object in a 416's error body. */
    private static final Pattern ACTUAL_OBJECT_SIZE =
            Pattern.compile("<ActualObjectSize>\\s*(\\d+)\\s*</ActualObjectSize>");

    private S3Errors() {
    }

    /**
     * The toolkit exception for {@code error}, raised by {@code operation} on {@code bucket}/{@code key} (either may
     * be {@code null}). Toolkit exceptions pass through unchanged, also when the SDK wrapped one (a request body
     * failing inside the call); completion wrappers are unwrapped. Never the abstract root: an error that is neither
     * the SDK's nor an I/O or timeout failure (an {@link Error}, a caller's own exception) is returned as is.
     */
    public static Throwable translate(Throwable error, String operation, String bucket, String key) {
        Throwable cause = unwrap(error);
        S3ToolkitException ours = toolkitCause(cause);
        if (ours != null) {
            return ours;
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedClientGuard.ClientClosedException closed) {
                return closed; // the caller's mistake: not disguised as a transport error
            }
        }
        if (cause instanceof AwsServiceException service) {
            return fromService(service, operation, bucket, key);
        }
        String target = target(operation, bucket, key);
        String timeout = timeoutSetting(cause);
        if (timeout != null) {
            return new S3TimeoutException(target + " failed: a timeout expired (" + timeout + "): "
                    + cause.getMessage(), cause);
        }
        if (cause instanceof SdkException sdk && isChecksumFailure(sdk)) {
            return new DataIntegrityException(target + " failed: " + sdk.getMessage(), sdk);
        }
        if (cause instanceof SdkException || cause instanceof IOException || cause instanceof UncheckedIOException) {
            return new S3TransportException(target + " failed: no usable answer from the store: "
                    + cause.getMessage(), cause);
        }
        return cause;
    }

    /** Strips {@link CompletionException} / {@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * A toolkit exception in the cause chain: ours, raised inside an SDK call (e.g. by a request body that broke its
     * announced length) and wrapped by the SDK; it already says what went wrong.
     */
    private static S3ToolkitException toolkitCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof S3ToolkitException toolkit) {
                return toolkit;
            }
        }
        return null;
    }

    /**
     * Which setting to raise when a timeout in {@code error}'s cause chain expired ({@code null} when none did): the
     * SDK's call and attempt timeouts, Netty's read / write / connect timeouts, the pool's acquire timeout, the CRT's
     * socket and HTTP timeouts, or a plain {@link TimeoutException}.
     */
    static String timeoutSetting(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof ApiCallTimeoutException) {
                return "raise ReactiveS3ClientBuilder.apiCallTimeout";
            }
            if (t instanceof ApiCallAttemptTimeoutException) {
                return "raise ReactiveS3ClientBuilder.apiCallAttemptTimeout";
            }
            String type = t.getClass().getName();
            if (type.equals("io.netty.handler.timeout.ReadTimeoutException")
                    || type.equals("io.netty.handler.timeout.WriteTimeoutException")
                    || message.contains("read timed out") || message.contains("write timed out")) {
                return "raise ReactiveS3ClientBuilder.readTimeout";
            }
            if (type.equals("io.netty.channel.ConnectTimeoutException") || message.contains("connect timed out")
                    || message.contains("connection timed out")) {
                return "raise ReactiveS3ClientBuilder.connectionTimeout";
            }
            if (message.contains("acquire operation took longer")) {
                return "raise ReactiveS3ClientBuilder.connectionAcquireTimeout or maxConnections";
            }
            // by name: the CRT jar has no module name to require; its message carries the CRT's error name
            if (type.equals("software.amazon.awssdk.crt.CrtRuntimeException")
                    && message.toUpperCase(Locale.ROOT).contains("TIMEOUT")) {
                return "CRT " + message + ": raise ReactiveS3ClientBuilder.connectionTimeout or "
                        + "ReactiveS3ClientBuilder.readTimeout";
            }
            if (t instanceof TimeoutException) {
                return "raise ReactiveS3ClientBuilder.readTimeout or ReactiveS3ClientBuilder.apiCallTimeout";
            }
        }
        return null;
    }

    private static S3ToolkitException fromService(AwsServiceException e, String operation, String bucket,
                                                  String key) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String detail = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        ServiceErrorContext context = new ServiceErrorContext(operation, bucket, key, status, code, e.requestId(),
                detail);
        if (status == 304) {
            return new NotModifiedException(context, eTag(header(e, "ETag")), e);
        }
        if (code != null && THROTTLING.contains(code) || status == 429) {
            return new ThrottledException(context, e);
        }
        if ("NoSuchBucket".equals(code) || (status == 404 && code == null && "HeadBucket".equals(operation))) {
            return new BucketNotFoundException(context, e);
        }
        if ("NoSuchUpload".equals(code) || status == 404 && UPLOAD_OPERATIONS.contains(operation)) {
            // an upload's own request answered 404: the upload is gone (Ceph RGW says NoSuchKey for ListParts)
            return new UploadNotFoundException(context, e);
        }
        if (code != null && OBJECT_MISSING.contains(code)
                || (status == 404 && (code == null || "NotFound".equals(code)) && OBJECT_OPERATIONS.contains(operation))) {
            return new ObjectNotFoundException(context, e);
        }
        if (status == 403) {
            return new AccessDeniedException(context, e);
        }
        if (status == 412) {
            return new PreconditionFailedException(context, e);
        }
        if (status == 416 || "InvalidRange".equals(code)) {
            long size = objectSize(header(e, "Content-Range"));
            return new RangeNotSatisfiableException(context, size >= 0 ? size : actualObjectSize(e), e);
        }
        if (status == 501 || "NotImplemented".equals(code)) {
            return new UnsupportedByStoreException(context, e);
        }
        if (status == 409) {
            return new BucketConflictException(context, e);
        }
        if (status == 400 || status == 411) {
            return new BadRequestException(context, e);
        }
        return new S3ServiceException(context, e);
    }

    /** A header of the error response, or {@code null}. */
    private static String header(AwsServiceException e, String name) {
        SdkHttpResponse response = e.awsErrorDetails() == null ? null : e.awsErrorDetails().sdkHttpResponse();
        if (response == null) {
            return null;
        }
        Optional<String> value = response.firstMatchingHeader(name);
        return value.orElse(null);
    }

    /** {@code e} with the object's size, learnt another way (a HEAD), stated in its message. */
    public static RangeNotSatisfiableException withObjectSize(RangeNotSatisfiableException e, long objectSize) {
        ServiceErrorContext c = e.context();
        String detail = (c.detail() == null || c.detail().isBlank() ? "" : c.detail() + " ")
                + "(the object has " + objectSize + " bytes)";
        return new RangeNotSatisfiableException(new ServiceErrorContext(c.operation(), c.bucket(), c.key(),
                c.statusCode(), c.errorCode(), c.requestId(), detail), objectSize, e.getCause());
    }

    /** An ETag header value without its quotes (and without a weak validator's {@code W/}). */
    static String eTag(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** {@code N} of {@code Content-Range: bytes *}{@code /N}, else {@code UNKNOWN_SIZE}. */
    static long objectSize(String contentRange) {
        if (contentRange == null) {
            return RangeNotSatisfiableException.UNKNOWN_SIZE;
        }
        Matcher m = UNSATISFIED_RANGE.matcher(contentRange.trim());
        if (!m.matches()) {
            return RangeNotSatisfiableException.UNKNOWN_SIZE;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException tooLarge) {
            return RangeNotSatisfiableException.UNKNOWN_SIZE;
        }
    }

    /** AWS's {@code <ActualObjectSize>N</ActualObjectSize>} in a 416's error body, else unknown. */
    private static long actualObjectSize(AwsServiceException e) {
        SdkBytes body = e.awsErrorDetails() == null ? null : e.awsErrorDetails().rawResponse();
        if (body == null) {
            return RangeNotSatisfiableException.UNKNOWN_SIZE;
        }
        Matcher m = ACTUAL_OBJECT_SIZE.matcher(body.asUtf8String());
        try {
            return m.find() ? Long.parseLong(m.group(1)) : RangeNotSatisfiableException.UNKNOWN_SIZE;
        } catch (NumberFormatException tooLarge) {
            return RangeNotSatisfiableException.UNKNOWN_SIZE;
        }
    }

    private static boolean isChecksumFailure(SdkException e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("checksum");
    }

    private static String target(String operation, String bucket, String key) {
        if (bucket == null) {
            return operation;
        }
        return operation + " s3://" + bucket + (key == null ? "" : "/" + key);
    }
}
