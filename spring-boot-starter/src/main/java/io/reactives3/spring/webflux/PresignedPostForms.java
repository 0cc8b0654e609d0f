package io.reactives3.spring.webflux;

import io.reactives3.core.model.PresignedPost;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.util.HtmlUtils;

/**
 * HTML for a browser to upload a file straight to S3 with a presigned POST
 * ({@code client.presigner().post(bucket, policy)}): a {@code multipart/form-data} form whose hidden fields are the
 * policy's fields and whose file input comes last, as S3 requires. Values are HTML-escaped.
 */
public final class PresignedPostForms {

    private PresignedPostForms() {
    }

    /**
     * A {@code <form>} element posting to the presigned URL, with the policy's fields, a file input named
     * {@code file} and a submit button labelled {@code submitLabel}. Contains the signature: serve it only to the
     * user it was made for, over HTTPS, and never log it.
     */
    public static String form(PresignedPost post, String submitLabel) {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(submitLabel, "submitLabel");
        StringBuilder html = new StringBuilder(512);
        html.append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"")
                .append(HtmlUtils.htmlEscape(post.url().toString())).append("\">\n");
        for (Map.Entry<String, String> field : post.fields().entrySet()) {
            html.append("  <input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(field.getKey()))
                    .append("\" value=\"").append(HtmlUtils.htmlEscape(field.getValue())).append("\">\n");
        }
        html.append("  <input type=\"file\" name=\"file\" required>\n")
                .append("  <button type=\"submit\">").append(HtmlUtils.htmlEscape(submitLabel)).append("</button>\n")
                .append("</form>\n");
        return html.toString();
    }
}
