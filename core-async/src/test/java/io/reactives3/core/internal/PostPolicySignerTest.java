package io.reactives3.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PostPolicy;
import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.PresignedPost;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;

/** Pure unit tests of the POST policy signer: the published AWS example, the exact policy document, escaping. */
class PostPolicySignerTest {

    /** From the S3 API reference, "Example: Browser-Based Upload using HTTP POST (Using AWS Signature Version 4)". */
    private static final String AWS_EXAMPLE_POLICY_BASE64 = "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiL"
            + "A0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwg"
            + "IiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJl"
            + "Y3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBb"
            + "InN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEy"
            + "NzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1h"
            + "bXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMt"
            + "ZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7Ingt"
            + "YW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9";
    private static final String AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String AWS_EXAMPLE_SIGNATURE = "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e";

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final URI FORM_URL = URI.create("http://127.0.0.1:9000/my-bucket");
    private static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("AKIDEXAMPLE", "secret/key+1");

    @Test
    void signature_awsDocumentationExample_matchesPublishedSignature() {
        assertThat(PostPolicySigner.signature(AWS_EXAMPLE_POLICY_BASE64, AWS_EXAMPLE_SECRET, "20151229", "us-east-1"))
                .isEqualTo(AWS_EXAMPLE_SIGNATURE);
    }

    @Test
    void signingKey_anyInput_equalsHmacChainComputedIndependently() throws Exception {
        byte[] expected = hmac(hmac(hmac(hmac(("AWS4" + "s3cr3t").getBytes(StandardCharsets.UTF_8), "20260102"),
                "eu-central-1"), "s3"), "aws4_request");

        assertThat(PostPolicySigner.signingKey("s3cr3t", "20260102", "eu-central-1")).isEqualTo(expected);
        assertThat(PostPolicySigner.signature("cG9saWN5", "s3cr3t", "20260102", "eu-central-1"))
                .isEqualTo(HexFormat.of().formatHex(hmac(expected, "cG9saWN5")));
    }

    @Test
    void sign_fullPolicy_exactDocumentAndFieldOrder() {
        PostPolicy policy = PostPolicy.builder()
                .keyStartsWith("uploads/")
                .contentLengthRange(1, 1024)
                .contentType("text/plain")
                .acl(CannedAcl.PRIVATE)
                .successActionStatus(201)
                .metadata("Owner", "alice")
                .condition("Cache-Control", "no-cache")
                .conditionStartsWith("x-amz-meta-tag", "")
                .expiresIn(Duration.ofMinutes(10))
                .build();

        PresignedPost post = PostPolicySigner.sign(FORM_URL, "my-bucket", policy, CREDENTIALS, "us-east-1", NOW);

        assertThat(decode(post.fields().get("policy"))).isEqualTo("{\"expiration\":\"2026-01-02T03:14:05.678Z\","
                + "\"conditions\":[{\"bucket\":\"my-bucket\"},[\"starts-with\",\"$key\",\"uploads/\"],"
                + "[\"content-length-range\",1,1024],{\"Content-Type\":\"text/plain\"},{\"acl\":\"private\"},"
                + "{\"success_action_status\":\"201\"},{\"x-amz-meta-owner\":\"alice\"},"
                + "{\"Cache-Control\":\"no-cache\"},[\"starts-with\",\"$x-amz-meta-tag\",\"\"],"
                + "{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"},"
                + "{\"x-amz-credential\":\"AKIDEXAMPLE/20260102/us-east-1/s3/aws4_request\"},"
                + "{\"x-amz-date\":\"20260102T030405Z\"}]}");
        assertThat(post.fields().keySet()).containsExactly("key", "Content-Type", "acl", "success_action_status",
                "x-amz-meta-owner", "Cache-Control", "policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date",
                "x-amz-signature");
        assertThat(post.fields()).containsEntry("key", "uploads/${filename}")
                .containsEntry("x-amz-credential", "AKIDEXAMPLE/20260102/us-east-1/s3/aws4_request")
                .containsEntry("x-amz-date", "20260102T030405Z")
                .containsEntry("x-amz-signature", PostPolicySigner.signature(post.fields().get("policy"),
                        "secret/key+1", "20260102", "us-east-1"));
        assertThat(post.url()).isEqualTo(FORM_URL);
        assertThat(post.expiration()).isEqualTo(Instant.parse("2026-01-02T03:14:05.678Z"));
        assertThat(post.toString()).doesNotContain(post.fields().get("x-amz-signature"));
    }

    @Test
    void sign_sessionCredentials_tokenIsSignedConditionAndField() {
        PostPolicy policy = PostPolicy.builder().key("k").expiresIn(Duration.ofMinutes(1)).build();

        PresignedPost post = PostPolicySigner.sign(FORM_URL, "my-bucket", policy,
                AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "token/with+chars=="), "us-east-1", NOW);

        assertThat(post.fields().keySet()).containsExactly("key", "policy", "x-amz-algorithm", "x-amz-credential",
                "x-amz-date", "x-amz-security-token", "x-amz-signature");
        assertThat(post.fields()).containsEntry("x-amz-security-token", "token/with+chars==");
        assertThat(decode(post.fields().get("policy")))
                .contains("{\"x-amz-security-token\":\"token/with+chars==\"}");
        assertThat(post.toString()).doesNotContain("token/with+chars==");
    }

    @Test
    void policyJson_valuesNeedingEscapes_parseBackToTheSameStrings() {
        String key = "dir/\"quoted\" back\\slash\ttab\nline \u0001 ünïcødé 文件 ${filename} </script>";
        String meta = "say \"hi\" \\ \u2028 done";
        String json = PostPolicySigner.policyJson(NOW, "b", List.of(new PostPolicy.Equals("key", key),
                new PostPolicy.StartsWith("x-amz-meta-note", meta)), Map.of());

        Map<String, JsonNode> root = JsonNode.parser().parse(json).asObject();
        List<JsonNode> conditions = root.get("conditions").asArray();

        assertThat(root.get("expiration").asString()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(conditions.get(0).asObject().get("bucket").asString()).isEqualTo("b");
        assertThat(conditions.get(1).asObject().get("key").asString()).isEqualTo(key);
        assertThat(conditions.get(2).asArray()).extracting(JsonNode::asString)
                .containsExactly("starts-with", "$x-amz-meta-note", meta);
    }

    @Test
    void formUrl_addressingStyles_pointAtTheBucket() {
        URI local = URI.create("http://127.0.0.1:9000/");
        assertThat(DefaultPresigner.formUrl(local, Region.US_EAST_1, true, "my-bucket"))
                .isEqualTo(URI.create("http://127.0.0.1:9000/my-bucket"));
        assertThat(DefaultPresigner.formUrl(URI.create("https://minio.example:9443"), Region.US_EAST_1,
                false, "my-bucket")).isEqualTo(URI.create("https://my-bucket.minio.example:9443"));
        assertThat(DefaultPresigner.formUrl(null, Region.EU_CENTRAL_1, false, "my-bucket"))
                .isEqualTo(URI.create("https://my-bucket.s3.eu-central-1.amazonaws.com"));
        assertThat(DefaultPresigner.formUrl(null, Region.EU_CENTRAL_1, true, "my-bucket"))
                .isEqualTo(URI.create("https://s3.eu-central-1.amazonaws.com/my-bucket"));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
