package io.reactives3.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the S3 operation of a path-style request ({@code /bucket/key?query}) the way the S3 API reference does:
 * {@code ListObjectsV2}, {@code UploadPart}, {@code DeleteObjects}, ...
 *
 * <p>The name follows from the method, whether the path names a bucket or an object, the query's subresource
 * ({@code ?uploads}, {@code ?acl}, ...) and two headers ({@code x-amz-copy-source}, {@code content-type}).
 * Plain query parameters such as {@code prefix}, {@code versionId}, {@code partNumber} or presigned-URL parameters
 * do not change the operation. Requests that fit no supported operation, including operations on subresources this
 * class does not name ({@code ?encryption}, {@code ?restore}, ...), are {@value #UNKNOWN}.
 */
final class S3Operations {

    /** The name of every request this class cannot classify. */
    static final String UNKNOWN = "Unknown";

    /** Bucket subresources and the operation each method performs on them, checked in this order. */
    private static final List<Subresource> BUCKET_SUBRESOURCES = List.of(
            new Subresource("acl", Map.of("GET", "GetBucketAcl", "PUT", "PutBucketAcl")),
            new Subresource("versioning", Map.of("GET", "GetBucketVersioning", "PUT", "PutBucketVersioning")),
            new Subresource("tagging", Map.of(
                    "GET", "GetBucketTagging", "PUT", "PutBucketTagging", "DELETE", "DeleteBucketTagging")),
            new Subresource("policy", Map.of(
                    "GET", "GetBucketPolicy", "PUT", "PutBucketPolicy", "DELETE", "DeleteBucketPolicy")),
            new Subresource("lifecycle", Map.of(
                    "GET", "GetBucketLifecycleConfiguration", "PUT", "PutBucketLifecycleConfiguration",
                    "DELETE", "DeleteBucketLifecycle")),
            new Subresource("cors", Map.of(
                    "GET", "GetBucketCors", "PUT", "PutBucketCors", "DELETE", "DeleteBucketCors")),
            new Subresource("location", Map.of("GET", "GetBucketLocation")),
            new Subresource("versions", Map.of("GET", "ListObjectVersions")),
            new Subresource("uploads", Map.of("GET", "ListMultipartUploads")),
            new Subresource("delete", Map.of("POST", "DeleteObjects")));

    /** Object subresources named here (multipart upload ones are handled separately). */
    private static final List<Subresource> OBJECT_SUBRESOURCES = List.of(
            new Subresource("acl", Map.of("GET", "GetObjectAcl", "PUT", "PutObjectAcl")),
            new Subresource("tagging", Map.of(
                    "GET", "GetObjectTagging", "PUT", "PutObjectTagging", "DELETE", "DeleteObjectTagging")));

    /** Subresources of the S3 API this class does not name; requests on them are {@value #UNKNOWN}. */
    private static final Set<String> OTHER_SUBRESOURCES = Set.of(
            "accelerate", "analytics", "attributes", "encryption", "intelligent-tiering", "inventory", "legal-hold",
            "logging", "metadataTable", "metrics", "notification", "object-lock", "ownershipControls",
            "policyStatus", "publicAccessBlock", "replication", "requestPayment", "restore", "retention", "select",
            "session", "torrent", "website");

    private S3Operations() {
    }

    /** The S3 operation name of {@code head}, or {@value #UNKNOWN}. */
    static String classify(RequestHead head) {
        if (head.bucket().isEmpty()) {
            return head.method().equals("GET") ? "ListBuckets" : UNKNOWN;
        }
        return head.key().isPresent() ? classifyObjectRequest(head) : classifyBucketRequest(head);
    }

    /** The operation named by a sub-resource parameter, UNKNOWN for one not listed, null when there is none. */
    private static String bySubresource(List<Subresource> subresources, Map<String, String> params, String method) {
        for (Subresource subresource : subresources) {
            if (params.containsKey(subresource.name())) {
                return subresource.operationFor(method);
            }
        }
        return hasOtherSubresource(params) ? UNKNOWN : null;
    }

    private static String classifyBucketRequest(RequestHead head) {
        String method = head.method();
        Map<String, String> params = head.queryParams();
        String bySubresource = bySubresource(BUCKET_SUBRESOURCES, params, method);
        if (bySubresource != null) {
            return bySubresource;
        }
        return switch (method) {
            case "GET" -> "2".equals(params.get("list-type")) ? "ListObjectsV2" : "ListObjects";
            case "PUT" -> "CreateBucket";
            case "DELETE" -> "DeleteBucket";
            case "HEAD" -> "HeadBucket";
            case "POST" -> isFormUpload(head) ? "PostObject" : UNKNOWN;
            default -> UNKNOWN;
        };
    }

    private static String classifyObjectRequest(RequestHead head) {
        String method = head.method();
        Map<String, String> params = head.queryParams();
        boolean copies = head.header("x-amz-copy-source").isPresent();
        if (params.containsKey("uploadId")) {
            return switch (method) {
                case "PUT" -> copies ? "UploadPartCopy" : "UploadPart";
                case "POST" -> "CompleteMultipartUpload";
                case "DELETE" -> "AbortMultipartUpload";
                case "GET" -> "ListParts";
                default -> UNKNOWN;
            };
        }
        if (params.containsKey("uploads")) {
            return method.equals("POST") ? "CreateMultipartUpload" : UNKNOWN;
        }
        String bySubresource = bySubresource(OBJECT_SUBRESOURCES, params, method);
        if (bySubresource != null) {
            return bySubresource;
        }
        return switch (method) {
            case "GET" -> "GetObject";
            case "HEAD" -> "HeadObject";
            case "DELETE" -> "DeleteObject";
            case "PUT" -> copies ? "CopyObject" : "PutObject";
            default -> UNKNOWN;
        };
    }

    private static boolean hasOtherSubresource(Map<String, String> params) {
        return params.keySet().stream().anyMatch(OTHER_SUBRESOURCES::contains);
    }

    private static boolean isFormUpload(RequestHead head) {
        return head.header("content-type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data"))
                .orElse(false);
    }

    /** A query subresource and the operation each HTTP method performs on it. */
    private record Subresource(String name, Map<String, String> operationsByMethod) {

        String operationFor(String method) {
            return operationsByMethod.getOrDefault(method, UNKNOWN);
        }
    }
}
