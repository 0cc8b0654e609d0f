package io.reactives3.core.internal;

import io.reactives3.core.spi.Pages;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.model.BucketHead;
import io.reactives3.core.model.BucketSummary;
import io.reactives3.core.model.CreateBucketResult;
import io.reactives3.core.model.ListBucketsResult;
import io.reactives3.core.model.OwnerRef;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/** Bucket operations of {@link DefaultReactiveS3Client}: list, create, delete, head, exists, location. */
final class BucketOperations {

    private final S3AsyncClient sdk;
    private final ClientSettings settings;

    BucketOperations(S3AsyncClient sdk, ClientSettings settings) {
        this.sdk = sdk;
        this.settings = settings;
    }

    /** Every bucket, following ListBuckets continuation tokens when the store pages them. */
    Mono<ListBucketsResult> listBuckets() {
        return Pages.pages(listBucketsPage(null),
                        page -> page.continuationToken() == null || page.continuationToken().isEmpty()
                                ? null : listBucketsPage(page.continuationToken()))
                .collectList()
                .map(pages -> {
                    List<BucketSummary> buckets = new ArrayList<>();
                    OwnerRef owner = null;
                    for (ListBucketsResponse page : pages) {
                        page.buckets().forEach(b -> buckets.add(new BucketSummary(b.name(), b.creationDate())));
                        owner = owner != null ? owner : Responses.owner(page.owner());
                    }
                    return new ListBucketsResult(buckets, owner);
                });
    }

    private Mono<ListBucketsResponse> listBucketsPage(String continuationToken) {
        return S3Calls.call(settings, "ListBuckets", null, null,
                () -> sdk.listBuckets(b -> b.continuationToken(continuationToken)));
    }

    /** Creates the bucket in the client's region (a location constraint only outside us-east-1, as S3 requires). */
    Mono<CreateBucketResult> createBucket(String bucket) {
        Arguments.bucket(bucket);
        Region region = settings.region();
        CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(bucket);
        if (!Region.US_EAST_1.equals(region)) {
            request.createBucketConfiguration(c -> c.locationConstraint(region.id()));
        }
        return createBucket(request.build());
    }

    Mono<CreateBucketResult> createBucket(CreateBucketRequest request) {
        Arguments.notNull(request, "request");
        String bucket = Arguments.bucket(request.bucket());
        return S3Calls.call(settings, "CreateBucket", bucket, null, () -> sdk.createBucket(request))
                .map(r -> new CreateBucketResult(bucket, r.location()));
    }

    Mono<Void> deleteBucket(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "DeleteBucket", bucket, null, () -> sdk.deleteBucket(b -> b.bucket(bucket))).then();
    }

    Mono<BucketHead> headBucket(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "HeadBucket", bucket, null, () -> sdk.headBucket(b -> b.bucket(bucket)))
                .map(r -> new BucketHead(bucket, r.bucketRegion()));
    }

    Mono<Boolean> bucketExists(String bucket) {
        return headBucket(bucket)
                .map(head -> Boolean.TRUE)
                .onErrorResume(BucketNotFoundException.class, e -> Mono.just(Boolean.FALSE));
    }

    /** The bucket's region: an empty location means us-east-1, the legacy {@code EU} means eu-west-1. */
    Mono<String> getBucketLocation(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "GetBucketLocation", bucket, null, () -> sdk.getBucketLocation(b -> b.bucket(bucket)))
                .map(r -> {
                    String location = r.locationConstraintAsString();
                    if (location == null || location.isBlank()) {
                        return Region.US_EAST_1.id();
                    }
                    return "EU".equals(location) ? Region.EU_WEST_1.id() : location;
                });
    }
}
