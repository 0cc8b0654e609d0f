package io.reactives3.core.internal;

import io.reactives3.core.BucketConflictException;
import io.reactives3.core.BucketNotFoundException;
import io.reactives3.core.DataIntegrityException;
import io.reactives3.core.InvalidRequestException;
import io.reactives3.core.ObjectNotFoundException;
import io.reactives3.core.PreconditionFailedException;
import io.reactives3.core.S3AccessDeniedException;
import io.reactives3.core.S3ServiceException;
import io.reactives3.core.S3ServiceException.ErrorContext;
import io.reactives3.core.S3ToolkitException;
import io.reactives3.core.S3TransportException;
import io.reactives3.core.ThrottledException;
import io.reactives3.core.UnsupportedByStoreException;
import io.reactives3.core.UploadNotFoundException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures into the toolkit's typed exceptions, naming the operation, bucket and key. Used by every
 * module of the project (the transfer engine included) so one error reads the same everywhere.
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

    private S3Errors() {
    }

    /**
     * The toolkit exception for {@code error}, raised by {@code operation} on {@code bucket}/{@code key} (either may
     * be {@code null}). Toolkit exceptions pass through unchanged, also when the SDK wrapped one (a request body
     * failing inside the call); completion wrappers are unwrapped.
     */
    public static S3ToolkitException translate(Throwable error, String operation, String bucket, String key) {
        Throwable cause = unwrap(error);
        S3ToolkitException ours = toolkitCause(cause);
        if (ours != null) {
            return ours;
        }
        if (cause instanceof AwsServiceException service) {
            return fromService(service, operation, bucket, key);
        }
        String target = target(operation, bucket, key);
        if (cause instanceof SdkException sdk && isChecksumFailure(sdk)) {
            return new DataIntegrityException(target + " failed: " + sdk.getMessage(), sdk);
        }
        if (cause instanceof SdkException sdk) {
            return new S3TransportException(target + " failed: no usable answer from the store: "
                    + sdk.getMessage(), sdk);
        }
        return new S3ToolkitException(target + " failed: " + cause, cause);
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

    private static S3ToolkitException fromService(AwsServiceException e, String operation, String bucket,
                                                  String key) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String detail = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        ErrorContext context = new ErrorContext(operation, bucket, key, status, code, e.requestId(), detail);
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
            return new S3AccessDeniedException(context, e);
        }
        if (status == 412 || status == 304) {
            return new PreconditionFailedException(context, e);
        }
        if (status == 501 || "NotImplemented".equals(code)) {
            return new UnsupportedByStoreException(context, e);
        }
        if (status == 409) {
            return new BucketConflictException(context, e);
        }
        if (status == 400 || status == 411 || status == 416) {
            return new InvalidRequestException(context, e);
        }
        return new S3ServiceException(context, e);
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
