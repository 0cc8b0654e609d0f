package io.reactives3.core.internal;

import io.reactives3.core.spi.Pages;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.ListObjectVersionsOptions;
import io.reactives3.core.ListObjectsOptions;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.model.ListObjectVersionsPage;
import io.reactives3.core.model.ListObjectsPage;
import io.reactives3.core.model.ListedObject;
import io.reactives3.core.model.ObjectVersionSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Listings of {@link DefaultReactiveS3Client}: ListObjectsV2 and ListObjectVersions, as single pages and as
 * demand-driven page and item streams ({@link Pages}; never the SDK's paginators, which fetch ahead).
 */
final class ListingOperations {

    /**
     * Orders versions as S3 lists them: by key in UTF-8 byte order, then newest first. The SDK splits the XML into
     * versions and delete markers, so the page's single list is rebuilt with this order (a stable sort).
     */
    private static final Comparator<ObjectVersionSummary> LISTING_ORDER =
            Comparator.<ObjectVersionSummary, byte[]>comparing(v -> v.key().getBytes(StandardCharsets.UTF_8),
                            Arrays::compareUnsigned)
                    .thenComparing(ObjectVersionSummary::lastModified,
                            Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(v -> !v.latest());

    private final S3AsyncClient sdk;
    private final ClientSettings settings;

    ListingOperations(S3AsyncClient sdk, ClientSettings settings) {
        this.sdk = sdk;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ ListObjectsV2

    Mono<ListObjectsPage> listObjectsPage(String bucket, ListObjectsOptions options) {
        return page(request(bucket, options));
    }

    Flux<ListObjectsPage> listObjectsPages(String bucket, ListObjectsOptions options) {
        return pages(request(bucket, options));
    }

    Flux<ListedObject> listObjects(String bucket, ListObjectsOptions options) {
        return Pages.items(listObjectsPages(bucket, options), ListObjectsPage::objects);
    }

    private static ListObjectsV2Request request(String bucket, ListObjectsOptions options) {
        Arguments.bucket(bucket);
        Arguments.notNull(options, "options");
        return ListObjectsV2Request.builder()
                .bucket(bucket)
                .prefix(options.prefix())
                .delimiter(options.delimiter())
                .startAfter(options.startAfter())
                .continuationToken(options.continuationToken())
                .maxKeys(options.pageSize())
                .fetchOwner(options.fetchOwner() ? Boolean.TRUE : null)
                // keys come URL-encoded and the SDK decodes them: LocalS3 2.4 sends unparseable XML for keys with
                // some characters otherwise, and XML cannot carry every character a key may hold
                .encodingType(EncodingType.URL)
                .build();
    }

    private Flux<ListObjectsPage> pages(ListObjectsV2Request first) {
        return Pages.pages(page(first), page -> {
            if (!page.truncated()) {
                return null;
            }
            String token = page.nextContinuationToken();
            if (token == null || token.isEmpty()) {
                return Mono.error(new S3TransportException("ListObjectsV2 s3://" + first.bucket() + " failed: the "
                        + "store said the listing is truncated but sent no continuation token", null));
            }
            return page(first.toBuilder().continuationToken(token).startAfter(null).build());
        });
    }

    private Mono<ListObjectsPage> page(ListObjectsV2Request request) {
        return S3Calls.call(settings, "ListObjectsV2", request.bucket(), null, () -> sdk.listObjectsV2(request))
                .map(r -> toPage(request, r));
    }

    private static ListObjectsPage toPage(ListObjectsV2Request request, ListObjectsV2Response r) {
        List<ListedObject> objects = r.contents().stream()
                .map(o -> new ListedObject(o.key(), Responses.orElse(o.size(), 0), o.lastModified(),
                        Responses.eTag(o.eTag()), o.storageClassAsString(), Responses.owner(o.owner())))
                .toList();
        return new ListObjectsPage(request.bucket(), emptyToNull(request.prefix()), emptyToNull(request.delimiter()),
                objects,
                Responses.prefixes(r.commonPrefixes()), Boolean.TRUE.equals(r.isTruncated()),
                emptyToNull(r.nextContinuationToken()));
    }

    // ------------------------------------------------------------------ ListObjectVersions

    Mono<ListObjectVersionsPage> listObjectVersionsPage(String bucket, ListObjectVersionsOptions options) {
        return versionsPage(request(bucket, options));
    }

    Flux<ListObjectVersionsPage> listObjectVersionsPages(String bucket, ListObjectVersionsOptions options) {
        ListObjectVersionsRequest first = request(bucket, options);
        return Pages.pages(versionsPage(first), page -> {
            if (!page.truncated()) {
                return null;
            }
            if (page.nextKeyMarker() == null && page.nextVersionIdMarker() == null) {
                return Mono.error(new S3TransportException("ListObjectVersions s3://" + first.bucket() + " failed: "
                        + "the store said the listing is truncated but sent no next markers", null));
            }
            return versionsPage(first.toBuilder().keyMarker(page.nextKeyMarker())
                    .versionIdMarker(page.nextVersionIdMarker()).build());
        });
    }

    Flux<ObjectVersionSummary> listObjectVersions(String bucket, ListObjectVersionsOptions options) {
        return Pages.items(listObjectVersionsPages(bucket, options), ListObjectVersionsPage::versions);
    }

    private static ListObjectVersionsRequest request(String bucket, ListObjectVersionsOptions options) {
        Arguments.bucket(bucket);
        Arguments.notNull(options, "options");
        return ListObjectVersionsRequest.builder().bucket(bucket).prefix(options.prefix())
                .delimiter(options.delimiter()).keyMarker(options.keyMarker())
                .versionIdMarker(options.versionIdMarker()).maxKeys(options.pageSize())
                .encodingType(EncodingType.URL).build();
    }

    private Mono<ListObjectVersionsPage> versionsPage(ListObjectVersionsRequest request) {
        return S3Calls.call(settings, "ListObjectVersions", request.bucket(), null, () -> sdk.listObjectVersions(request))
                .map(r -> toVersionsPage(request, r));
    }

    private static ListObjectVersionsPage toVersionsPage(ListObjectVersionsRequest request,
                                                         ListObjectVersionsResponse r) {
        List<ObjectVersionSummary> versions = new ArrayList<>();
        for (ObjectVersion v : r.versions()) {
            versions.add(new ObjectVersionSummary(v.key(), v.versionId(), Boolean.TRUE.equals(v.isLatest()), false,
                    Responses.orElse(v.size(), 0), v.lastModified(), Responses.eTag(v.eTag()),
                    v.storageClassAsString()));
        }
        for (DeleteMarkerEntry m : r.deleteMarkers()) {
            versions.add(new ObjectVersionSummary(m.key(), m.versionId(), Boolean.TRUE.equals(m.isLatest()), true, 0,
                    m.lastModified(), null, null));
        }
        versions.sort(LISTING_ORDER);
        return new ListObjectVersionsPage(request.bucket(), emptyToNull(request.prefix()),
                emptyToNull(request.delimiter()), versions,
                Responses.prefixes(r.commonPrefixes()), Boolean.TRUE.equals(r.isTruncated()),
                emptyToNull(r.nextKeyMarker()), emptyToNull(r.nextVersionIdMarker()));
    }

    private static String emptyToNull(String s) {
        return Responses.emptyToNull(s);
    }
}
