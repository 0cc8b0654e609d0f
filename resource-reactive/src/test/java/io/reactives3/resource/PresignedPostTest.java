package io.reactives3.resource;

import static io.reactives3.resource.ResourceTargets.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PostPolicy;
import io.reactives3.core.model.PresignedPost;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** {@code bucket.presignedPost(policy)}: a browser-style form upload, sent by a plain HTTP client. */
class PresignedPostTest {

    @S3Test(requires = Capability.PRESIGNED_POST)
    void presignedPost_formUploadWithinPolicy_storesTheFile(S3Target target, TestBucket bucket) throws Exception {
        PostPolicy policy = PostPolicy.builder().keyStartsWith("uploads/").contentLengthRange(1, 1024)
                .expiresIn(Duration.ofMinutes(5)).build();

        PresignedPost post = ResourceTargets.s3(target).bucket(bucket.name()).presignedPost(policy).block(TIMEOUT);

        HttpResponse<String> response = send(post, "photo.txt", "form content");
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
        assertThat(new String(bucket.get("uploads/photo.txt"), StandardCharsets.UTF_8)).isEqualTo("form content");
    }

    @S3Test(requires = Capability.PRESIGNED_POST)
    void presignedPost_fileBreakingThePolicy_isRefused(S3Target target, TestBucket bucket) throws Exception {
        PostPolicy policy = PostPolicy.builder().key("uploads/small.txt").contentLengthRange(1, 4)
                .expiresIn(Duration.ofMinutes(5)).build();

        PresignedPost post = ResourceTargets.s3(target).bucket(bucket.name()).presignedPost(policy).block(TIMEOUT);

        assertThat(send(post, "small.txt", "far more than four bytes").statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(bucket.keys()).isEmpty();
    }

    /** POSTs the form's fields and then the file as multipart/form-data. */
    private static HttpResponse<String> send(PresignedPost post, String filename, String content) throws Exception {
        String boundary = "----rr" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : post.fields().entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(post.url())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
