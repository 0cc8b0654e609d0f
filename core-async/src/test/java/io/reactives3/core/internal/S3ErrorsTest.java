package io.reactives3.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.WriteTimeoutException;
import io.reactives3.core.error.AccessDeniedException;
import io.reactives3.core.error.BadRequestException;
import io.reactives3.core.error.BucketConflictException;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.error.ClientSideException;
import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.LocalFileException;
import io.reactives3.core.error.NotModifiedException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.error.RangeNotSatisfiableException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.error.S3TimeoutException;
import io.reactives3.core.error.S3ToolkitException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.error.ServiceErrorContext;
import io.reactives3.core.error.StoreError;
import io.reactives3.core.error.ThrottledException;
import io.reactives3.core.error.UnsupportedByStoreException;
import io.reactives3.core.error.UploadNotFoundException;
import io.reactives3.core.error.WaitTimeoutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The translation of SDK failures into the sealed error tree: every status / code to its type. */
class S3ErrorsTest {

    private static AwsServiceException service(int status, String code, String... headers) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
        for (int i = 0; i < headers.length; i += 2) {
            response.putHeader(headers[i], headers[i + 1]);
        }
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code).errorMessage("the store's words")
                .sdkHttpResponse(response.build()).build();
        return (AwsServiceException) S3Exception.builder().statusCode(status).requestId("req-42")
                .awsErrorDetails(details).build();
    }

    private static Throwable translate(Throwable error, String operation) {
        return S3Errors.translate(error, operation, "bucket", "key");
    }

    @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "404, NoSuchBucket,            GetObject,               BucketNotFoundException",
            "404, -,                       HeadBucket,              BucketNotFoundException",
            "404, NoSuchKey,               GetObject,               ObjectNotFoundException",
            "404, NoSuchVersion,           GetObject,               ObjectNotFoundException",
            "404, -,                       HeadObject,              ObjectNotFoundException",
            "404, NotFound,                CopyObject,              ObjectNotFoundException",
            "404, NoSuchUpload,            AbortMultipartUpload,    UploadNotFoundException",
            "404, NoSuchKey,               ListParts,               UploadNotFoundException",
            "404, NoSuchLifecycleConfiguration, GetBucketLifecycleConfiguration, S3ServiceException",
            "403, AccessDenied,            GetObject,               AccessDeniedException",
            "403, SignatureDoesNotMatch,   PutObject,               AccessDeniedException",
            "403, InvalidAccessKeyId,      ListBuckets,             AccessDeniedException",
            "412, PreconditionFailed,      GetObject,               PreconditionFailedException",
            "412, -,                       HeadObject,              PreconditionFailedException",
            "304, -,                       GetObject,               NotModifiedException",
            "304, NotModified,             HeadObject,              NotModifiedException",
            "416, InvalidRange,            GetObject,               RangeNotSatisfiableException",
            "409, BucketNotEmpty,          DeleteBucket,            BucketConflictException",
            "409, BucketAlreadyOwnedByYou, CreateBucket,            BucketConflictException",
            "409, OperationAborted,        CreateBucket,            BucketConflictException",
            "503, SlowDown,                PutObject,               ThrottledException",
            "429, -,                       PutObject,               ThrottledException",
            "400, Throttling,              PutObject,               ThrottledException",
            "400, InvalidArgument,         PutObject,               BadRequestException",
            "400, EntityTooSmall,          CompleteMultipartUpload, BadRequestException",
            "400, MalformedXML,            DeleteObjects,           BadRequestException",
            "411, MissingContentLength,    PutObject,               BadRequestException",
            "501, NotImplemented,          PutBucketLifecycleConfiguration, UnsupportedByStoreException",
            "400, NotImplemented,          GetObject,               UnsupportedByStoreException",
            "500, InternalError,           GetObject,               S3ServiceException",
            "503, ServiceUnavailable,      GetObject,               S3ServiceException",
    })
    void storeErrors_mapToTheirType(int status, String code, String operation, String type) {
        Throwable e = translate(new CompletionException(service(status, code)), operation);

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.getCause()).as("the SDK exception is the cause").isInstanceOf(S3Exception.class);
        assertThat(e.getMessage()).startsWith(operation + " s3://bucket/key failed: " + status)
                .contains("request id req-42", "the store's words");
        if (e instanceof S3ServiceException s) {
            assertThat(s.operation()).isEqualTo(operation);
            assertThat(s.bucket()).isEqualTo("bucket");
            assertThat(s.key()).isEqualTo("key");
            assertThat(s.statusCode()).isEqualTo(status);
            assertThat(s.errorCode()).isEqualTo(code);
            assertThat(s.requestId()).isEqualTo("req-42");
        } else {
            UnsupportedByStoreException u = (UnsupportedByStoreException) e;
            assertThat(u.operation()).isEqualTo(operation);
            assertThat(u.statusCode()).isEqualTo(status);
            assertThat(u.errorCode()).isEqualTo(code);
            assertThat(u.requestId()).isEqualTo("req-42");
        }
    }

    @ParameterizedTest(name = "{0} {1} retryable: {2}")
    @CsvSource(nullValues = "-", value = {
            "500, InternalError, true", "503, SlowDown, true", "429, -, true", "400, RequestTimeout, true",
            "404, NoSuchKey, false", "403, AccessDenied, false", "412, PreconditionFailed, false",
            "400, InvalidArgument, false", "409, BucketNotEmpty, false", "416, InvalidRange, false"})
    void serviceErrors_sayWhetherARetryMayHelp(int status, String code, boolean retryable) {
        S3ServiceException e = (S3ServiceException) translate(service(status, code), "GetObject");
        assertThat(e.isRetryable()).isEqualTo(retryable);
    }

    @Test
    void notModified_carriesTheETagOfTheResponse() {
        NotModifiedException e = (NotModifiedException) translate(
                service(304, null, "ETag", "\"9b2cf535f27731c974343645a3985328\""), "GetObject");
        assertThat(e.eTag()).isEqualTo("9b2cf535f27731c974343645a3985328");
        assertThat(e.statusCode()).isEqualTo(304);

        NotModifiedException withoutHeader = (NotModifiedException) translate(service(304, null), "HeadObject");
        assertThat(withoutHeader.eTag()).isNull();
    }

    @Test
    void rangeNotSatisfiable_carriesTheObjectSizeOfContentRange() {
        RangeNotSatisfiableException e = (RangeNotSatisfiableException) translate(
                service(416, "InvalidRange", "Content-Range", "bytes */1234"), "GetObject");
        assertThat(e.objectSize()).isEqualTo(1234);
        assertThat(e.statusCode()).isEqualTo(416);

        RangeNotSatisfiableException unknown = (RangeNotSatisfiableException) translate(
                service(416, "InvalidRange"), "GetObject");
        assertThat(unknown.objectSize()).isEqualTo(RangeNotSatisfiableException.UNKNOWN_SIZE).isEqualTo(-1);
        assertThat(S3Errors.objectSize("bytes 0-9/100")).as("not an unsatisfied range").isEqualTo(-1);

        // AWS states it in the error body
        AwsServiceException aws = (AwsServiceException) S3Exception.builder().statusCode(416)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidRange")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(416).build())
                        .rawResponse(SdkBytes.fromUtf8String("<Error><Code>InvalidRange</Code><RangeRequested>"
                                + "bytes=100-200</RangeRequested><ActualObjectSize>77</ActualObjectSize></Error>"))
                        .build()).build();
        assertThat(((RangeNotSatisfiableException) translate(aws, "GetObject")).objectSize()).isEqualTo(77);
        assertThat(S3Errors.withObjectSize(unknown, 10)).hasMessageContaining("the object has 10 bytes")
                .satisfies(sized -> assertThat(sized.objectSize()).isEqualTo(10))
                .hasCause(unknown.getCause());
        assertThat(S3Errors.objectSize("bytes */0")).isZero();
    }

    @Test
    void timeouts_becomeS3TimeoutException_namingTheSettingToRaise() {
        assertThat(translate(ApiCallTimeoutException.create(1000), "GetObject"))
                .isInstanceOf(S3TimeoutException.class).hasMessageContaining("apiCallTimeout")
                .hasMessageStartingWith("GetObject s3://bucket/key failed");
        assertThat(translate(ApiCallAttemptTimeoutException.create(500), "PutObject"))
                .isInstanceOf(S3TimeoutException.class).hasMessageContaining("apiCallAttemptTimeout");
        // the Netty client wraps its timeouts: SdkClientException <- IOException <- ReadTimeoutException
        Throwable read = SdkClientException.create("Unable to execute HTTP request",
                new IOException("Read timed out", ReadTimeoutException.INSTANCE));
        assertThat(translate(read, "GetObject")).isInstanceOf(S3TimeoutException.class)
                .hasMessageContaining("readTimeout").hasRootCause(ReadTimeoutException.INSTANCE);
        assertThat(translate(SdkClientException.create("x", WriteTimeoutException.INSTANCE), "PutObject"))
                .isInstanceOf(S3TimeoutException.class).hasMessageContaining("readTimeout");
        assertThat(translate(new CompletionException(new TimeoutException("did not finish")), "GetObject"))
                .isInstanceOf(S3TimeoutException.class).isInstanceOf(S3TransportException.class)
                // every setting named in full, so that a front end (the cli) can map it to its own flag
                .hasMessageContaining("raise ReactiveS3ClientBuilder.readTimeout or "
                        + "ReactiveS3ClientBuilder.apiCallTimeout");
        assertThat(translate(SdkClientException.create("Acquire operation took longer than the configured "
                + "maximum time", new TimeoutException()), "GetObject"))
                .isInstanceOf(S3TimeoutException.class).hasMessageContaining("connectionAcquireTimeout");
    }

    @Test
    void noUsableAnswer_becomesS3TransportException() {
        Throwable refused = SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused"));
        assertThat(translate(refused, "GetObject")).isExactlyInstanceOf(S3TransportException.class)
                .hasMessageContaining("GetObject s3://bucket/key failed").hasCause(refused);
        assertThat(translate(new IOException("Connection reset by peer"), "PutObject"))
                .isExactlyInstanceOf(S3TransportException.class).hasMessageContaining("Connection reset");
        assertThat(translate(new UncheckedIOException(new IOException("closed mid-body")), "GetObject"))
                .isExactlyInstanceOf(S3TransportException.class);
    }

    @Test
    void checksumFailures_becomeDataIntegrityException() {
        assertThat(translate(SdkClientException.create("Data read has a different checksum than expected"),
                "GetObject")).isInstanceOf(DataIntegrityException.class).hasMessageContaining("GetObject");
    }

    @Test
    void toolkitErrors_passThrough_evenWhenTheSdkWrappedThem() {
        DataIntegrityException ours = new DataIntegrityException("body shorter than announced");
        assertThat(translate(SdkClientException.create("wrapped", ours), "PutObject")).isSameAs(ours);
        assertThat(translate(new CompletionException(ours), "PutObject")).isSameAs(ours);
    }

    @Test
    void errorsAndCallersOwnExceptions_passThroughUnchanged() {
        OutOfMemoryError oom = new OutOfMemoryError("test");
        IllegalStateException callers = new IllegalStateException("from the caller's publisher");
        assertThat(translate(oom, "GetObject")).isSameAs(oom);
        assertThat(translate(new CompletionException(callers), "PutObject")).isSameAs(callers);
    }

    @Test
    void storeErrors_shareTheirAccessors_overTheContext() {
        ServiceErrorContext context = new ServiceErrorContext("PutBucketLifecycleConfiguration", "b", null, 501,
                "NotImplemented", "req-1", "not here");
        for (StoreError error : new StoreError[]{new UnsupportedByStoreException(context, null),
                new S3ServiceException(context, null)}) {
            assertThat(error.context()).isSameAs(context);
            assertThat(error.operation()).isEqualTo("PutBucketLifecycleConfiguration");
            assertThat(error.bucket()).isEqualTo("b");
            assertThat(error.key()).isNull();
            assertThat(error.statusCode()).isEqualTo(501);
            assertThat(error.errorCode()).isEqualTo("NotImplemented");
            assertThat(error.requestId()).isEqualTo("req-1");
        }
    }

    @Test
    void theTreeIsSealed_andEveryTypeHasAPublicConstructor() {
        assertThat(S3ToolkitException.class.isSealed()).isTrue();
        assertThat(Modifier.isAbstract(S3ToolkitException.class.getModifiers())).isTrue();
        assertThat(S3ToolkitException.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                S3ServiceException.class, UnsupportedByStoreException.class, S3TransportException.class,
                DataIntegrityException.class, ClientSideException.class);
        assertThat(S3ServiceException.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                BucketNotFoundException.class, ObjectNotFoundException.class, UploadNotFoundException.class,
                AccessDeniedException.class, PreconditionFailedException.class, NotModifiedException.class,
                RangeNotSatisfiableException.class, BucketConflictException.class, ThrottledException.class,
                BadRequestException.class);
        assertThat(S3TransportException.class.getPermittedSubclasses()).containsExactly(S3TimeoutException.class);
        assertThat(StoreError.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                S3ServiceException.class, UnsupportedByStoreException.class);
        assertThat(ClientSideException.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                InvalidInputException.class, LocalFileException.class, WaitTimeoutException.class);
        for (Class<?> type : new Class<?>[]{S3ServiceException.class, BucketNotFoundException.class,
                ObjectNotFoundException.class, UploadNotFoundException.class, AccessDeniedException.class,
                PreconditionFailedException.class, NotModifiedException.class, RangeNotSatisfiableException.class,
                BucketConflictException.class, ThrottledException.class, BadRequestException.class,
                UnsupportedByStoreException.class, S3TransportException.class, S3TimeoutException.class,
                DataIntegrityException.class, InvalidInputException.class, LocalFileException.class,
                WaitTimeoutException.class}) {
            assertThat(Arrays.stream(type.getConstructors()).anyMatch(c -> Modifier.isPublic(c.getModifiers())))
                    .as("%s has a public constructor", type.getSimpleName()).isTrue();
        }
    }

    @Test
    void usersCanBuildErrorsInTheirTests() {
        ServiceErrorContext context = new ServiceErrorContext("GetObject", "b", "k", 416, "InvalidRange", null,
                "The requested range is not satisfiable");
        RangeNotSatisfiableException e = new RangeNotSatisfiableException(context, 10, null);
        assertThat(e).hasMessage("GetObject s3://b/k failed: 416 InvalidRange: The requested range is not satisfiable");
        assertThat(e.objectSize()).isEqualTo(10);
        assertThat(e.context()).isEqualTo(context);
        assertThat(new WaitTimeoutException("s3://b exists", Duration.ofSeconds(2)))
                .isInstanceOf(ClientSideException.class).hasMessageContaining("2000 ms");
        assertThat(new InvalidInputException("bad")).isInstanceOf(S3ToolkitException.class).hasNoCause();
    }
}
