package io.reactives3.core.internal;

import io.reactives3.core.PostPolicy;
import io.reactives3.core.model.PresignedPost;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs a {@link PostPolicy} with SigV4 as S3's browser-based POST upload expects ("Browser-Based Uploads Using POST
 * (AWS Signature Version 4)"): the policy JSON, extended with the bucket and the SigV4 conditions, is base64-encoded;
 * that string is what is signed: {@code hex(HMAC-SHA256(signingKey, base64Policy))} with the usual SigV4 signing key
 * ({@code kDate -> kRegion -> kService -> kSigning}). Pure computation, no I/O.
 */
final class PostPolicySigner {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SERVICE = "s3";
    private static final String HMAC = "HmacSHA256";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private PostPolicySigner() {
    }

    /**
     * The signed form for uploading to {@code bucket} at {@code formUrl} under {@code policy}, signed at
     * {@code now} for {@code region}. Fields: the policy's own (key first), then {@code policy},
     * {@code x-amz-algorithm}, {@code x-amz-credential}, {@code x-amz-date}, {@code x-amz-security-token} (session
     * credentials only) and {@code x-amz-signature}.
     */
    static PresignedPost sign(URI formUrl, String bucket, PostPolicy policy, AwsCredentialsIdentity credentials,
                              String region, Instant now) {
        Instant expiration = policy.expiration(now);
        String date = DATE.format(now);
        Map<String, String> signingFields = new LinkedHashMap<>();
        signingFields.put("x-amz-algorithm", ALGORITHM);
        signingFields.put("x-amz-credential", credentials.accessKeyId() + "/" + scope(date, region));
        signingFields.put("x-amz-date", AMZ_DATE.format(now));
        if (credentials instanceof AwsSessionCredentialsIdentity session) {
            signingFields.put("x-amz-security-token", session.sessionToken());
        }
        String json = policyJson(expiration, bucket, policy.conditions(), signingFields);
        String base64Policy = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));

        Map<String, String> fields = new LinkedHashMap<>(policy.formFields());
        fields.put("policy", base64Policy);
        fields.putAll(signingFields);
        fields.put("x-amz-signature", signature(base64Policy, credentials.secretAccessKey(), date, region));
        return new PresignedPost(formUrl, fields, expiration);
    }

    /** The credential scope {@code date/region/s3/aws4_request}. */
    static String scope(String date, String region) {
        return date + "/" + region + "/" + SERVICE + "/aws4_request";
    }

    /**
     * The policy document: {@code {"expiration": "...", "conditions": [{"bucket": ...}, <policy conditions>,
     * <signing fields as exact conditions>]}}.
     */
    static String policyJson(Instant expiration, String bucket, List<PostPolicy.Condition> conditions,
                             Map<String, String> signingFields) {
        List<String> rendered = new ArrayList<>();
        rendered.add(exact("bucket", bucket));
        for (PostPolicy.Condition condition : conditions) {
            rendered.add(render(condition));
        }
        signingFields.forEach((field, value) -> rendered.add(exact(field, value)));
        return "{\"expiration\":" + quote(EXPIRATION.format(expiration))
                + ",\"conditions\":[" + String.join(",", rendered) + "]}";
    }

    private static String render(PostPolicy.Condition condition) {
        if (condition instanceof PostPolicy.Equals equals) {
            return exact(equals.field(), equals.value());
        }
        if (condition instanceof PostPolicy.StartsWith startsWith) {
            return "[\"starts-with\"," + quote("$" + startsWith.field()) + "," + quote(startsWith.prefix()) + "]";
        }
        PostPolicy.ContentLengthRange range = (PostPolicy.ContentLengthRange) condition;
        return "[\"content-length-range\"," + range.min() + "," + range.max() + "]";
    }

    private static String exact(String field, String value) {
        return "{" + quote(field) + ":" + quote(value) + "}";
    }

    /** {@code value} as a JSON string literal (RFC 8259): quotes, backslashes and control characters escaped. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** {@code hex(HMAC-SHA256(signingKey(secret, date, region), base64Policy))}. */
    static String signature(String base64Policy, String secretKey, String date, String region) {
        return HexFormat.of().formatHex(hmac(signingKey(secretKey, date, region), base64Policy));
    }

    /** The SigV4 signing key: HMAC chain over the date ({@code yyyyMMdd}), region, {@code s3}, {@code aws4_request}. */
    static byte[] signingKey(String secretKey, String date, String region) {
        byte[] kDate = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = hmac(kDate, region);
        byte[] kService = hmac(kRegion, SERVICE);
        return hmac(kService, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
