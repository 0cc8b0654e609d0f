package io.reactives3.core.internal;

import org.jspecify.annotations.Nullable;
import java.util.function.BiFunction;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.ByteRange;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.HttpTransport;
import io.reactives3.core.ListMultipartUploadsOptions;
import io.reactives3.core.ListObjectVersionsOptions;
import io.reactives3.core.ListObjectsOptions;
import io.reactives3.core.ListPartsOptions;
import io.reactives3.core.Presigner;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.core.UploadBody;
import io.reactives3.core.model.AclResult;
import io.reactives3.core.model.BucketHead;
import io.reactives3.core.model.BucketVersioningResult;
import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.CompleteMultipartUploadResult;
import io.reactives3.core.model.UploadedPart;
import io.reactives3.core.model.ObjectCopyResult;
import io.reactives3.core.model.CorsRule;
import io.reactives3.core.model.CreateBucketResult;
import io.reactives3.core.model.DeleteObjectResult;
import io.reactives3.core.model.DeleteObjectsResult;
import io.reactives3.core.model.BucketLifecycleRule;
import io.reactives3.core.model.ListBucketsResult;
import io.reactives3.core.model.ListMultipartUploadsPage;
import io.reactives3.core.model.ListObjectVersionsPage;
import io.reactives3.core.model.ListObjectsPage;
import io.reactives3.core.model.ListPartsPage;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.MultipartUploadSummary;
import io.reactives3.core.model.ObjectContent;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.core.model.ListedObject;
import io.reactives3.core.model.ObjectVersionSummary;
import io.reactives3.core.model.PartSummary;
import io.reactives3.core.model.PutObjectResult;
import io.reactives3.core.model.TaggingResult;
import io.reactives3.core.model.UploadPartResult;
import io.reactives3.core.model.VersioningStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The {@link ReactiveS3Client} implementation: argument checks and SDK calls live in small package-private
 * operation groups; this class wires them and owns the SDK client.
 */
public final class DefaultReactiveS3Client implements ReactiveS3Client {

    private final S3AsyncClient sdk;
    private final ClientSettings settings;
    /** The SDK client this client built and closes; null for a wrapped caller's client. */
    private final SdkClients.@Nullable OwnedSdkClient owned;
    /** The customizer this client's SDK client was built with; null for a wrapped caller's client. */
    private final @Nullable Consumer<S3AsyncClientBuilder> sdkCustomizer;
    private final DefaultPresigner presigner;
    private final BucketOperations bucketOperations;
    private final ObjectOperations objectOperations;
    private final ListingOperations listingOperations;
    private final MultipartOperations multipartOperations;
    private final BucketConfigOperations bucketConfigOperations;
    private final Waiters waiters;

    private DefaultReactiveS3Client(S3AsyncClient sdk, SdkClients.@Nullable OwnedSdkClient owned,
                                    ClientSettings settings, @Nullable Consumer<S3AsyncClientBuilder> sdkCustomizer) {
        this.sdk = sdk;
        this.settings = settings;
        this.owned = owned;
        this.sdkCustomizer = sdkCustomizer;
        this.presigner = new DefaultPresigner(settings);
        this.bucketOperations = new BucketOperations(sdk, settings);
        this.objectOperations = new ObjectOperations(sdk, settings);
        this.listingOperations = new ListingOperations(sdk, settings);
        this.multipartOperations = new MultipartOperations(sdk, settings);
        this.bucketConfigOperations = new BucketConfigOperations(sdk, settings);
        this.waiters = new Waiters(sdk, settings);
    }

    /** Builds the SDK client for {@code settings} and a client that owns it. */
    public static ReactiveS3Client create(ClientSettings settings, Consumer<S3AsyncClientBuilder> sdkCustomizer) {
        SdkClients.OwnedSdkClient owned = SdkClients.asyncClient(settings, sdkCustomizer);
        return new DefaultReactiveS3Client(owned.sdk(), owned, settings, sdkCustomizer);
    }

    /** Wraps a caller-owned SDK client, with the settings {@code describe} reads from it. */
    public static ReactiveS3Client wrap(S3AsyncClient sdk, StoreProfile profile,
                                        BiFunction<S3AsyncClient, StoreProfile, ClientSettings> describe) {
        Arguments.notNull(sdk, "sdkClient");
        Arguments.notNull(profile, "profile");
        return new DefaultReactiveS3Client(sdk, null, describe.apply(sdk, profile), null);
    }

    /**
     * The customizer this client's SDK client was built with, or {@code null} when the client wraps a caller's SDK
     * client (whose configuration is not known in full, so it cannot be rebuilt).
     */
    public @Nullable Consumer<S3AsyncClientBuilder> sdkCustomizer() {
        return sdkCustomizer;
    }

    @Override
    public ClientSettings settings() {
        return settings;
    }

    @Override
    public S3AsyncClient sdkClient() {
        return sdk;
    }

    @Override
    public Presigner presigner() {
        return presigner;
    }

    @Override
    public Mono<ListBucketsResult> listBucketsPage() {
        return bucketOperations.listBuckets();
    }

    @Override
    public Mono<CreateBucketResult> createBucket(String bucket) {
        return bucketOperations.createBucket(bucket);
    }

    @Override
    public Mono<Void> deleteBucket(String bucket) {
        return bucketOperations.deleteBucket(bucket);
    }

    @Override
    public Mono<BucketHead> headBucket(String bucket) {
        return bucketOperations.headBucket(bucket);
    }

    @Override
    public Mono<Boolean> bucketExists(String bucket) {
        return bucketOperations.bucketExists(bucket);
    }

    @Override
    public Mono<String> getBucketLocation(String bucket) {
        return bucketOperations.getBucketLocation(bucket);
    }

    @Override
    public Mono<PutObjectResult> putObject(String bucket, String key, UploadBody body, PutObjectOptions options) {
        return objectOperations.putObject(bucket, key, body, options);
    }

    @Override
    public Mono<PutObjectResult> putObject(PutObjectRequest request, AsyncRequestBody body) {
        return objectOperations.putObject(request, body);
    }

    @Override
    public Mono<ObjectContent> getObject(String bucket, String key) {
        return objectOperations.getObject(bucket, key);
    }

    @Override
    public Mono<ObjectContent> getObject(String bucket, String key, GetObjectOptions options) {
        return objectOperations.getObject(bucket, key, options);
    }

    @Override
    public Mono<ObjectStream> getObjectStream(String bucket, String key, GetObjectOptions options) {
        return objectOperations.getObjectStream(bucket, key, options);
    }

    @Override
    public Mono<ObjectStream> getObjectStream(GetObjectRequest request) {
        return objectOperations.getObjectStream(request);
    }

    @Override
    public Mono<ObjectHead> headObject(String bucket, String key) {
        return objectOperations.headObject(bucket, key);
    }

    @Override
    public Mono<ObjectHead> headObject(String bucket, String key, GetObjectOptions options) {
        return objectOperations.headObject(bucket, key, options);
    }

    @Override
    public Mono<Boolean> objectExists(String bucket, String key) {
        return objectOperations.objectExists(bucket, key);
    }

    @Override
    public Mono<ObjectCopyResult> copyObject(String sourceBucket, String sourceKey, String destinationBucket, String destinationKey) {
        return objectOperations.copyObject(sourceBucket, sourceKey, destinationBucket, destinationKey);
    }

    @Override
    public Mono<ObjectCopyResult> copyObject(String sourceBucket, String sourceKey, String destinationBucket, String destinationKey, CopyObjectOptions options) {
        return objectOperations.copyObject(sourceBucket, sourceKey, destinationBucket, destinationKey, options);
    }

    @Override
    public Mono<DeleteObjectResult> deleteObject(String bucket, String key) {
        return objectOperations.deleteObject(bucket, key);
    }

    @Override
    public Mono<DeleteObjectResult> deleteObject(String bucket, String key, String versionId) {
        return objectOperations.deleteObject(bucket, key, versionId);
    }

    @Override
    public Mono<DeleteObjectsResult> deleteObjects(String bucket, Collection<String> keys) {
        return objectOperations.deleteObjects(bucket, keys);
    }

    @Override
    public Mono<DeleteObjectsResult> deleteObjectVersions(String bucket, Collection<KeyVersion> objects) {
        return objectOperations.deleteObjectVersions(bucket, objects);
    }

    @Override
    public Mono<ListObjectsPage> listObjectsPage(String bucket, ListObjectsOptions options) {
        return listingOperations.listObjectsPage(bucket, options);
    }

    @Override
    public Flux<ListObjectsPage> listObjectsPages(String bucket, ListObjectsOptions options) {
        return listingOperations.listObjectsPages(bucket, options);
    }

    @Override
    public Flux<ListedObject> listObjects(String bucket, ListObjectsOptions options) {
        return listingOperations.listObjects(bucket, options);
    }

    @Override
    public Mono<ListObjectVersionsPage> listObjectVersionsPage(String bucket, ListObjectVersionsOptions options) {
        return listingOperations.listObjectVersionsPage(bucket, options);
    }

    @Override
    public Flux<ListObjectVersionsPage> listObjectVersionsPages(String bucket, ListObjectVersionsOptions options) {
        return listingOperations.listObjectVersionsPages(bucket, options);
    }

    @Override
    public Flux<ObjectVersionSummary> listObjectVersions(String bucket, ListObjectVersionsOptions options) {
        return listingOperations.listObjectVersions(bucket, options);
    }

    @Override
    public Mono<ListPartsPage> listPartsPage(MultipartUploadHandle upload, ListPartsOptions options) {
        return multipartOperations.listPartsPage(upload, options);
    }

    @Override
    public Flux<ListPartsPage> listPartsPages(MultipartUploadHandle upload, ListPartsOptions options) {
        return multipartOperations.listPartsPages(upload, options);
    }

    @Override
    public Flux<PartSummary> listParts(MultipartUploadHandle upload, ListPartsOptions options) {
        return multipartOperations.listParts(upload, options);
    }

    @Override
    public Mono<ListMultipartUploadsPage> listMultipartUploadsPage(String bucket, ListMultipartUploadsOptions options) {
        return multipartOperations.listMultipartUploadsPage(bucket, options);
    }

    @Override
    public Flux<ListMultipartUploadsPage> listMultipartUploadsPages(String bucket,
                                                                    ListMultipartUploadsOptions options) {
        return multipartOperations.listMultipartUploadsPages(bucket, options);
    }

    @Override
    public Flux<MultipartUploadSummary> listMultipartUploads(String bucket, ListMultipartUploadsOptions options) {
        return multipartOperations.listMultipartUploads(bucket, options);
    }

    @Override
    public Mono<MultipartUploadHandle> createMultipartUpload(String bucket, String key, PutObjectOptions options) {
        return multipartOperations.createMultipartUpload(bucket, key, options);
    }

    @Override
    public Mono<MultipartUploadHandle> createMultipartUpload(CreateMultipartUploadRequest request) {
        return multipartOperations.createMultipartUpload(request);
    }

    @Override
    public Mono<UploadPartResult> uploadPart(MultipartUploadHandle upload, int partNumber, UploadBody body) {
        return multipartOperations.uploadPart(upload, partNumber, body);
    }

    @Override
    public Mono<UploadPartResult> uploadPart(UploadPartRequest request, AsyncRequestBody body) {
        return multipartOperations.uploadPart(request, body);
    }

    @Override
    public Mono<UploadPartResult> uploadPartCopy(MultipartUploadHandle upload, int partNumber, String sourceBucket, String sourceKey, ByteRange range) {
        return multipartOperations.uploadPartCopy(upload, partNumber, sourceBucket, sourceKey, range);
    }

    @Override
    public Mono<UploadPartResult> uploadPartCopy(UploadPartCopyRequest request) {
        return multipartOperations.uploadPartCopy(request);
    }

    @Override
    public Mono<CompleteMultipartUploadResult> completeMultipartUpload(MultipartUploadHandle upload, List<UploadedPart> parts) {
        return multipartOperations.completeMultipartUpload(upload, parts);
    }

    @Override
    public Mono<Void> abortMultipartUpload(MultipartUploadHandle upload) {
        return multipartOperations.abortMultipartUpload(upload);
    }

    @Override
    public Mono<AclResult> getObjectAcl(String bucket, String key) {
        return bucketConfigOperations.getObjectAcl(bucket, key);
    }

    @Override
    public Mono<Void> putObjectAcl(String bucket, String key, CannedAcl acl) {
        return bucketConfigOperations.putObjectAcl(bucket, key, acl);
    }

    @Override
    public Mono<AclResult> getBucketAcl(String bucket) {
        return bucketConfigOperations.getBucketAcl(bucket);
    }

    @Override
    public Mono<Void> putBucketAcl(String bucket, CannedAcl acl) {
        return bucketConfigOperations.putBucketAcl(bucket, acl);
    }

    @Override
    public Mono<BucketVersioningResult> getBucketVersioning(String bucket) {
        return bucketConfigOperations.getBucketVersioning(bucket);
    }

    @Override
    public Mono<Void> putBucketVersioning(String bucket, VersioningStatus status) {
        return bucketConfigOperations.putBucketVersioning(bucket, status);
    }

    @Override
    public Mono<TaggingResult> getBucketTagging(String bucket) {
        return bucketConfigOperations.getBucketTagging(bucket);
    }

    @Override
    public Mono<Void> putBucketTagging(String bucket, Map<String, String> tags) {
        return bucketConfigOperations.putBucketTagging(bucket, tags);
    }

    @Override
    public Mono<Void> deleteBucketTagging(String bucket) {
        return bucketConfigOperations.deleteBucketTagging(bucket);
    }

    @Override
    public Mono<TaggingResult> getObjectTagging(String bucket, String key, String versionId) {
        return bucketConfigOperations.getObjectTagging(bucket, key, versionId);
    }

    @Override
    public Mono<Void> putObjectTagging(String bucket, String key, Map<String, String> tags) {
        return bucketConfigOperations.putObjectTagging(bucket, key, tags);
    }

    @Override
    public Mono<Void> deleteObjectTagging(String bucket, String key) {
        return bucketConfigOperations.deleteObjectTagging(bucket, key);
    }

    @Override
    public Mono<String> getBucketPolicy(String bucket) {
        return bucketConfigOperations.getBucketPolicy(bucket);
    }

    @Override
    public Mono<Void> putBucketPolicy(String bucket, String policyJson) {
        return bucketConfigOperations.putBucketPolicy(bucket, policyJson);
    }

    @Override
    public Mono<Void> deleteBucketPolicy(String bucket) {
        return bucketConfigOperations.deleteBucketPolicy(bucket);
    }

    @Override
    public Mono<List<BucketLifecycleRule>> getBucketLifecycle(String bucket) {
        return bucketConfigOperations.getBucketLifecycle(bucket);
    }

    @Override
    public Mono<Void> putBucketLifecycle(String bucket, List<BucketLifecycleRule> rules) {
        return bucketConfigOperations.putBucketLifecycle(bucket, rules);
    }

    @Override
    public Mono<Void> deleteBucketLifecycle(String bucket) {
        return bucketConfigOperations.deleteBucketLifecycle(bucket);
    }

    @Override
    public Mono<List<CorsRule>> getBucketCors(String bucket) {
        return bucketConfigOperations.getBucketCors(bucket);
    }

    @Override
    public Mono<Void> putBucketCors(String bucket, List<CorsRule> rules) {
        return bucketConfigOperations.putBucketCors(bucket, rules);
    }

    @Override
    public Mono<Void> deleteBucketCors(String bucket) {
        return bucketConfigOperations.deleteBucketCors(bucket);
    }

    @Override
    public Mono<BucketHead> waitUntilBucketExists(String bucket, Duration timeout) {
        return waiters.waitUntilBucketExists(bucket, timeout);
    }

    @Override
    public Mono<Void> waitUntilBucketNotExists(String bucket, Duration timeout) {
        return waiters.waitUntilBucketNotExists(bucket, timeout);
    }

    @Override
    public Mono<ObjectHead> waitUntilObjectExists(String bucket, String key, Duration timeout) {
        return waiters.waitUntilObjectExists(bucket, key, timeout);
    }

    @Override
    public Mono<Void> waitUntilObjectNotExists(String bucket, String key, Duration timeout) {
        return waiters.waitUntilObjectNotExists(bucket, key, timeout);
    }

    @Override
    public void close() {
        presigner.close();
        if (owned != null) {
            owned.close();
        }
    }
}
