package io.reactives3.core.internal;

import io.reactives3.core.spi.Arguments;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.model.AclResult;
import io.reactives3.core.model.BucketVersioningResult;
import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.CorsRule;
import io.reactives3.core.model.AclGrant;
import io.reactives3.core.model.BucketLifecycleRule;
import io.reactives3.core.model.OwnerRef;
import io.reactives3.core.model.TagEntry;
import io.reactives3.core.model.TaggingResult;
import io.reactives3.core.model.VersioningStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CORSConfiguration;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.MFADeleteStatus;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.PutBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutObjectAclRequest;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * ACLs, versioning, tagging, policy, lifecycle and CORS: part of {@link DefaultReactiveS3Client}. Every method checks
 * its arguments when called and returns a cold Mono of one SDK call ({@link S3Calls#call}); reads of a configuration
 * the bucket does not have complete with the empty value (no tags, no rules, no policy) rather than an error.
 */
final class BucketConfigOperations {

    /** Canned ACLs S3 defines for objects only; PutBucketAcl refuses them. */
    private static final Set<CannedAcl> OBJECT_ONLY_ACLS = Set.of(CannedAcl.AWS_EXEC_READ,
            CannedAcl.BUCKET_OWNER_READ, CannedAcl.BUCKET_OWNER_FULL_CONTROL);

    private final S3AsyncClient sdk;
    private final ClientSettings settings;

    BucketConfigOperations(S3AsyncClient sdk, ClientSettings settings) {
        this.sdk = sdk;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ ACL

    Mono<AclResult> getObjectAcl(String bucket, String key) {
        checkObject(bucket, key);
        return S3Calls.call(settings, "GetObjectAcl", bucket, key, () -> sdk.getObjectAcl(r -> r.bucket(bucket).key(key)))
                .map(r -> acl(r.owner(), r.grants()));
    }

    Mono<Void> putObjectAcl(String bucket, String key, CannedAcl acl) {
        checkObject(bucket, key);
        Arguments.notNull(acl, "acl");
        return S3Calls.call(settings, "PutObjectAcl", bucket, key,
                () -> sdk.putObjectAcl(r -> r.bucket(bucket).key(key).acl(acl.headerValue()))).then();
    }

    Mono<Void> putObjectAcl(PutObjectAclRequest request) {
        Arguments.notNull(request, "request");
        checkObject(request.bucket(), request.key());
        return S3Calls.call(settings, "PutObjectAcl", request.bucket(), request.key(), () -> sdk.putObjectAcl(request)).then();
    }

    Mono<AclResult> getBucketAcl(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "GetBucketAcl", bucket, null, () -> sdk.getBucketAcl(r -> r.bucket(bucket)))
                .map(r -> acl(r.owner(), r.grants()));
    }

    Mono<Void> putBucketAcl(String bucket, CannedAcl acl) {
        Arguments.bucket(bucket);
        Arguments.notNull(acl, "acl");
        if (OBJECT_ONLY_ACLS.contains(acl)) {
            throw new InvalidInputException("canned ACL " + acl.headerValue() + " applies to objects only; "
                    + "buckets take private, public-read, public-read-write or authenticated-read");
        }
        return S3Calls.call(settings, "PutBucketAcl", bucket, null,
                () -> sdk.putBucketAcl(r -> r.bucket(bucket).acl(acl.headerValue()))).then();
    }

    private static AclResult acl(software.amazon.awssdk.services.s3.model.Owner owner,
                                 List<software.amazon.awssdk.services.s3.model.Grant> grants) {
        List<AclGrant> mapped = new ArrayList<>(grants.size());
        for (software.amazon.awssdk.services.s3.model.Grant grant : grants) {
            var grantee = grant.grantee();
            String type = grantee == null ? null : grantee.typeAsString();
            String id = grantee == null ? null
                    : grantee.id() != null ? grantee.id() : grantee.uri() != null ? grantee.uri() : grantee.emailAddress();
            mapped.add(new AclGrant(type, id, grantee == null ? null : grantee.displayName(), grant.permissionAsString()));
        }
        return new AclResult(owner == null ? null : new OwnerRef(owner.id(), owner.displayName()), mapped);
    }

    // ------------------------------------------------------------------ versioning

    Mono<BucketVersioningResult> getBucketVersioning(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "GetBucketVersioning", bucket, null, () -> sdk.getBucketVersioning(r -> r.bucket(bucket)))
                .map(r -> new BucketVersioningResult(
                        r.status() == BucketVersioningStatus.ENABLED ? VersioningStatus.ENABLED
                                : r.status() == BucketVersioningStatus.SUSPENDED ? VersioningStatus.SUSPENDED
                                : VersioningStatus.UNVERSIONED,
                        r.mfaDelete() == MFADeleteStatus.ENABLED));
    }

    Mono<Void> putBucketVersioning(String bucket, VersioningStatus status) {
        Arguments.bucket(bucket);
        Arguments.notNull(status, "status");
        if (status == VersioningStatus.UNVERSIONED) {
            throw new InvalidInputException("a bucket cannot be returned to UNVERSIONED; use SUSPENDED to stop "
                    + "creating versions");
        }
        BucketVersioningStatus sdkStatus = status == VersioningStatus.ENABLED
                ? BucketVersioningStatus.ENABLED : BucketVersioningStatus.SUSPENDED;
        return S3Calls.call(settings, "PutBucketVersioning", bucket, null, () -> sdk.putBucketVersioning(
                r -> r.bucket(bucket).versioningConfiguration(v -> v.status(sdkStatus)))).then();
    }

    // ------------------------------------------------------------------ tagging

    Mono<TaggingResult> getBucketTagging(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "GetBucketTagging", bucket, null, () -> sdk.getBucketTagging(r -> r.bucket(bucket)))
                .map(r -> new TaggingResult(tags(r.tagSet()), null))
                .onErrorResume(e -> hasErrorCode(e, "NoSuchTagSet", "NoSuchTagSetError"),
                        e -> Mono.just(new TaggingResult(List.of(), null)));
    }

    Mono<Void> putBucketTagging(String bucket, Map<String, String> tags) {
        Arguments.bucket(bucket);
        Tagging tagging = tagging(tags);
        return S3Calls.call(settings, "PutBucketTagging", bucket, null,
                () -> sdk.putBucketTagging(r -> r.bucket(bucket).tagging(tagging))).then();
    }

    Mono<Void> deleteBucketTagging(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "DeleteBucketTagging", bucket, null,
                () -> sdk.deleteBucketTagging(r -> r.bucket(bucket))).then();
    }

    Mono<TaggingResult> getObjectTagging(String bucket, String key, String versionId) {
        checkObject(bucket, key);
        return S3Calls.call(settings, "GetObjectTagging", bucket, key,
                        () -> sdk.getObjectTagging(r -> r.bucket(bucket).key(key).versionId(versionId)))
                .map(r -> new TaggingResult(tags(r.tagSet()), r.versionId()));
    }

    Mono<Void> putObjectTagging(String bucket, String key, Map<String, String> tags) {
        checkObject(bucket, key);
        Tagging tagging = tagging(tags);
        return S3Calls.call(settings, "PutObjectTagging", bucket, key,
                () -> sdk.putObjectTagging(r -> r.bucket(bucket).key(key).tagging(tagging))).then();
    }

    Mono<Void> deleteObjectTagging(String bucket, String key) {
        checkObject(bucket, key);
        return S3Calls.call(settings, "DeleteObjectTagging", bucket, key,
                () -> sdk.deleteObjectTagging(r -> r.bucket(bucket).key(key))).then();
    }

    private static Tagging tagging(Map<String, String> tags) {
        Arguments.notNull(tags, "tags");
        List<software.amazon.awssdk.services.s3.model.Tag> tagSet = new ArrayList<>(tags.size());
        tags.forEach((key, value) -> {
            if (key == null || key.isEmpty() || value == null) {
                throw new InvalidInputException("tag keys must be non-empty and values non-null, got '"
                        + key + "' = " + value);
            }
            tagSet.add(software.amazon.awssdk.services.s3.model.Tag.builder().key(key).value(value).build());
        });
        return Tagging.builder().tagSet(tagSet).build();
    }

    private static List<TagEntry> tags(List<software.amazon.awssdk.services.s3.model.Tag> tagSet) {
        return tagSet.stream().map(t -> new TagEntry(t.key(), t.value() == null ? "" : t.value())).toList();
    }

    // ------------------------------------------------------------------ policy

    Mono<String> getBucketPolicy(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "GetBucketPolicy", bucket, null, () -> sdk.getBucketPolicy(r -> r.bucket(bucket)))
                .mapNotNull(r -> r.policy())
                // NoSuchPolicy: S3Proxy's answer, it keeps no policies
                .onErrorResume(e -> hasErrorCode(e, "NoSuchBucketPolicy", "NoSuchPolicy"), e -> Mono.empty());
    }

    Mono<Void> putBucketPolicy(String bucket, String policyJson) {
        Arguments.bucket(bucket);
        Arguments.notNull(policyJson, "policyJson");
        if (policyJson.isBlank()) {
            throw new InvalidInputException("policyJson must not be blank; use deleteBucketPolicy to remove it");
        }
        return S3Calls.call(settings, "PutBucketPolicy", bucket, null,
                () -> sdk.putBucketPolicy(r -> r.bucket(bucket).policy(policyJson))).then();
    }

    Mono<Void> deleteBucketPolicy(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "DeleteBucketPolicy", bucket, null,
                () -> sdk.deleteBucketPolicy(r -> r.bucket(bucket))).then();
    }

    // ------------------------------------------------------------------ lifecycle

    Mono<List<BucketLifecycleRule>> getBucketLifecycle(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "GetBucketLifecycleConfiguration", bucket, null,
                        () -> sdk.getBucketLifecycleConfiguration(r -> r.bucket(bucket)))
                .map(r -> r.rules().stream().map(rule -> lifecycleRule(bucket, rule)).toList())
                .onErrorResume(e -> hasErrorCode(e, "NoSuchLifecycleConfiguration"), e -> Mono.just(List.of()));
    }

    Mono<Void> putBucketLifecycle(String bucket, List<BucketLifecycleRule> rules) {
        Arguments.bucket(bucket);
        Arguments.notNull(rules, "rules");
        if (rules.isEmpty()) {
            throw new InvalidInputException("rules must not be empty; use deleteBucketLifecycle to remove them");
        }
        List<software.amazon.awssdk.services.s3.model.LifecycleRule> sdkRules = rules.stream()
                .map(BucketConfigOperations::sdkLifecycleRule).toList();
        return putBucketLifecycle(PutBucketLifecycleConfigurationRequest.builder().bucket(bucket)
                .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(sdkRules).build()).build());
    }

    Mono<Void> putBucketLifecycle(PutBucketLifecycleConfigurationRequest request) {
        Arguments.notNull(request, "request");
        Arguments.bucket(request.bucket());
        return S3Calls.call(settings, "PutBucketLifecycleConfiguration", request.bucket(), null,
                () -> sdk.putBucketLifecycleConfiguration(request)).then();
    }

    Mono<Void> deleteBucketLifecycle(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "DeleteBucketLifecycle", bucket, null,
                () -> sdk.deleteBucketLifecycle(r -> r.bucket(bucket))).then();
    }

    private static software.amazon.awssdk.services.s3.model.LifecycleRule sdkLifecycleRule(BucketLifecycleRule rule) {
        Arguments.notNull(rule, "lifecycle rule");
        var builder = software.amazon.awssdk.services.s3.model.LifecycleRule.builder()
                .id(rule.id())
                .status(rule.enabled() ? ExpirationStatus.ENABLED : ExpirationStatus.DISABLED)
                .filter(LifecycleRuleFilter.builder().prefix(rule.prefix()).build());
        if (rule.expirationDays() != null) {
            builder.expiration(LifecycleExpiration.builder().days(rule.expirationDays()).build());
        }
        if (rule.noncurrentVersionExpirationDays() != null) {
            builder.noncurrentVersionExpiration(NoncurrentVersionExpiration.builder()
                    .noncurrentDays(rule.noncurrentVersionExpirationDays()).build());
        }
        if (rule.abortIncompleteMultipartUploadDays() != null) {
            builder.abortIncompleteMultipartUpload(AbortIncompleteMultipartUpload.builder()
                    .daysAfterInitiation(rule.abortIncompleteMultipartUploadDays()).build());
        }
        return builder.build();
    }

    /**
     * The simple form of a stored rule; a rule using what {@link BucketLifecycleRule} cannot say (transitions, dates,
     * tag or size filters, ...) is an error rather than a lossy copy that a read-modify-write would then destroy.
     */
    @SuppressWarnings("deprecation") // BucketLifecycleRule.prefix(): rules written before filters existed
    private static BucketLifecycleRule lifecycleRule(String bucket,
                                               software.amazon.awssdk.services.s3.model.LifecycleRule rule) {
        LifecycleRuleFilter filter = rule.filter();
        LifecycleExpiration expiration = rule.expiration();
        NoncurrentVersionExpiration noncurrent = rule.noncurrentVersionExpiration();
        boolean representable = !rule.hasTransitions() && !rule.hasNoncurrentVersionTransitions()
                && (filter == null || (filter.tag() == null && filter.and() == null
                        && filter.objectSizeGreaterThan() == null && filter.objectSizeLessThan() == null))
                && (expiration == null || (expiration.date() == null && !Boolean.TRUE.equals(expiration.expiredObjectDeleteMarker())))
                && (noncurrent == null || noncurrent.newerNoncurrentVersions() == null)
                && (expiration != null && expiration.days() != null
                        || noncurrent != null && noncurrent.noncurrentDays() != null
                        || rule.abortIncompleteMultipartUpload() != null
                        && rule.abortIncompleteMultipartUpload().daysAfterInitiation() != null);
        if (!representable) {
            throw new UnsupportedOperationException("lifecycle rule '" + rule.id() + "' of bucket '" + bucket
                    + "' uses features "
                    + "BucketLifecycleRule cannot represent (transitions, dates, tag or size filters, delete-marker cleanup, "
                    + "...); read it with sdkClient().getBucketLifecycleConfiguration(...)");
        }
        String prefix = filter != null && filter.prefix() != null ? filter.prefix()
                : rule.prefix() != null ? rule.prefix() : "";
        return new BucketLifecycleRule(rule.id() == null ? "" : rule.id(), prefix,
                rule.status() == ExpirationStatus.ENABLED,
                expiration == null ? null : expiration.days(),
                noncurrent == null ? null : noncurrent.noncurrentDays(),
                rule.abortIncompleteMultipartUpload() == null ? null
                        : rule.abortIncompleteMultipartUpload().daysAfterInitiation());
    }

    // ------------------------------------------------------------------ CORS

    Mono<List<CorsRule>> getBucketCors(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "GetBucketCors", bucket, null, () -> sdk.getBucketCors(r -> r.bucket(bucket)))
                .map(r -> r.corsRules().stream().map(BucketConfigOperations::corsRule).toList())
                .onErrorResume(e -> hasErrorCode(e, "NoSuchCORSConfiguration"), e -> Mono.just(List.of()));
    }

    Mono<Void> putBucketCors(String bucket, List<CorsRule> rules) {
        Arguments.bucket(bucket);
        Arguments.notNull(rules, "rules");
        if (rules.isEmpty()) {
            throw new InvalidInputException("rules must not be empty; use deleteBucketCors to remove them");
        }
        List<CORSRule> sdkRules = rules.stream().map(BucketConfigOperations::sdkCorsRule).toList();
        return putBucketCors(PutBucketCorsRequest.builder().bucket(bucket)
                .corsConfiguration(CORSConfiguration.builder().corsRules(sdkRules).build()).build());
    }

    Mono<Void> putBucketCors(PutBucketCorsRequest request) {
        Arguments.notNull(request, "request");
        Arguments.bucket(request.bucket());
        return S3Calls.call(settings, "PutBucketCors", request.bucket(), null, () -> sdk.putBucketCors(request)).then();
    }

    Mono<Void> deleteBucketCors(String bucket) {
        Arguments.bucket(bucket);
        return S3Calls.call(settings, "DeleteBucketCors", bucket, null, () -> sdk.deleteBucketCors(r -> r.bucket(bucket))).then();
    }

    private static CORSRule sdkCorsRule(CorsRule rule) {
        Arguments.notNull(rule, "CORS rule");
        return CORSRule.builder().id(rule.id()).allowedOrigins(rule.allowedOrigins())
                .allowedMethods(rule.allowedMethods()).allowedHeaders(rule.allowedHeaders())
                .exposeHeaders(rule.exposeHeaders()).maxAgeSeconds(rule.maxAgeSeconds()).build();
    }

    private static CorsRule corsRule(CORSRule rule) {
        return new CorsRule(rule.id(), rule.allowedOrigins(), rule.allowedMethods(), rule.allowedHeaders(),
                rule.exposeHeaders(), rule.maxAgeSeconds());
    }

    // ------------------------------------------------------------------ helpers

    private static void checkObject(String bucket, String key) {
        Arguments.bucket(bucket);
        Arguments.key(key);
    }

    private static boolean hasErrorCode(Throwable error, String... codes) {
        if (error instanceof S3ServiceException service && service.errorCode() != null) {
            for (String code : codes) {
                if (code.equals(service.errorCode())) {
                    return true;
                }
            }
        }
        return false;
    }
}
