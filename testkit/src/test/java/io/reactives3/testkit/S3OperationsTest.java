package io.reactives3.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3OperationsTest {

    @ParameterizedTest(name = "{0} {1}?{2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /                   |                                   | ListBuckets
            GET    | /                   | max-buckets=10                    | ListBuckets
            PUT    | /bucket             |                                   | CreateBucket
            DELETE | /bucket             |                                   | DeleteBucket
            HEAD   | /bucket             |                                   | HeadBucket
            GET    | /bucket             | location                          | GetBucketLocation
            GET    | /bucket             | prefix=a&delimiter=%2F            | ListObjects
            GET    | /bucket/            | marker=x                          | ListObjects
            GET    | /bucket             | list-type=2&prefix=a              | ListObjectsV2
            GET    | /bucket             | list-type=2&continuation-token=t  | ListObjectsV2
            GET    | /bucket             | versions&prefix=a                 | ListObjectVersions
            GET    | /bucket             | uploads                           | ListMultipartUploads
            POST   | /bucket             | delete                            | DeleteObjects
            GET    | /bucket             | acl                               | GetBucketAcl
            PUT    | /bucket             | acl                               | PutBucketAcl
            GET    | /bucket             | versioning                        | GetBucketVersioning
            PUT    | /bucket             | versioning                        | PutBucketVersioning
            GET    | /bucket             | tagging                           | GetBucketTagging
            PUT    | /bucket             | tagging                           | PutBucketTagging
            DELETE | /bucket             | tagging                           | DeleteBucketTagging
            GET    | /bucket             | policy                            | GetBucketPolicy
            PUT    | /bucket             | policy                            | PutBucketPolicy
            DELETE | /bucket             | policy                            | DeleteBucketPolicy
            GET    | /bucket             | lifecycle                         | GetBucketLifecycleConfiguration
            PUT    | /bucket             | lifecycle                         | PutBucketLifecycleConfiguration
            DELETE | /bucket             | lifecycle                         | DeleteBucketLifecycle
            GET    | /bucket             | cors                              | GetBucketCors
            PUT    | /bucket             | cors                              | PutBucketCors
            DELETE | /bucket             | cors                              | DeleteBucketCors
            PUT    | /bucket/dir/key.txt |                                   | PutObject
            GET    | /bucket/dir/key.txt |                                   | GetObject
            GET    | /bucket/key         | versionId=3&partNumber=1          | GetObject
            GET    | /bucket/key         | X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab | GetObject
            HEAD   | /bucket/key         |                                   | HeadObject
            DELETE | /bucket/key         |                                   | DeleteObject
            DELETE | /bucket/key         | versionId=3                       | DeleteObject
            POST   | /bucket/key         | uploads                           | CreateMultipartUpload
            PUT    | /bucket/key         | partNumber=2&uploadId=u1          | UploadPart
            POST   | /bucket/key         | uploadId=u1                       | CompleteMultipartUpload
            DELETE | /bucket/key         | uploadId=u1                       | AbortMultipartUpload
            GET    | /bucket/key         | uploadId=u1                       | ListParts
            GET    | /bucket/key         | acl                               | GetObjectAcl
            PUT    | /bucket/key         | acl                               | PutObjectAcl
            GET    | /bucket/key         | tagging                           | GetObjectTagging
            PUT    | /bucket/key         | tagging                           | PutObjectTagging
            DELETE | /bucket/key         | tagging                           | DeleteObjectTagging
            """)
    void classify_requestShape_namesOperation(String method, String path, String query, String expected) {
        assertThat(S3Operations.classify(new RequestHead(method, path, query, Map.of()))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}?{2} -> Unknown")
    @CsvSource(delimiter = '|', textBlock = """
            PUT    | /           |
            POST   | /bucket     |
            PATCH  | /bucket/key |
            POST   | /bucket/key |
            GET    | /bucket     | encryption
            GET    | /bucket/key | attributes
            POST   | /bucket/key | restore
            DELETE | /bucket     | acl
            PUT    | /bucket     | location
            GET    | /bucket     | delete
            GET    | /bucket/key | uploads
            OPTIONS | /bucket/key |
            """)
    void classify_unsupportedShape_isUnknown(String method, String path, String query) {
        assertThat(S3Operations.classify(new RequestHead(method, path, query, Map.of()))).isEqualTo("Unknown");
    }

    @Test
    void classify_putWithCopySource_isCopyObject() {
        var head = new RequestHead("PUT", "/bucket/copy", "", Map.of("x-amz-copy-source", "/bucket/original"));

        assertThat(head.operation()).isEqualTo("CopyObject");
    }

    @Test
    void classify_uploadPartWithCopySource_isUploadPartCopy() {
        var head = new RequestHead("PUT", "/bucket/key", "partNumber=1&uploadId=u1",
                Map.of("x-amz-copy-source", "/bucket/original", "x-amz-copy-source-range", "bytes=0-99"));

        assertThat(head.operation()).isEqualTo("UploadPartCopy");
    }

    @Test
    void classify_formPostToBucket_isPostObject() {
        var head = new RequestHead("POST", "/bucket", "",
                Map.of("content-type", "Multipart/Form-Data; boundary=----abc"));

        assertThat(head.operation()).isEqualTo("PostObject");
    }

    @Test
    void classify_percentEncodedKey_keepsBucketAndKeyDecoded() {
        var head = new RequestHead("GET", "/my-bucket/dir%2Fa%20b+c.txt", "", Map.of());

        assertThat(head.operation()).isEqualTo("GetObject");
        assertThat(head.bucket()).contains("my-bucket");
        assertThat(head.key()).contains("dir/a b+c.txt");
    }
}
