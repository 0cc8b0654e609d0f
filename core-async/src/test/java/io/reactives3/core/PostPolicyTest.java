package io.reactives3.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.model.CannedAcl;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The POST policy builder: what it produces and the bad input it refuses when called. */
class PostPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @Test
    void build_keyPrefixAndFixedFields_formCarriesFilenameKeyThenFixedValues() {
        PostPolicy policy = PostPolicy.builder().keyStartsWith("in/").contentTypeStartsWith("image/")
                .acl(CannedAcl.PUBLIC_READ).metadata("Trace-Id", "t1").successActionRedirect(URI.create("https://x.test/ok"))
                .condition("x-amz-server-side-encryption", "AES256").expiresIn(Duration.ofHours(1)).build();

        assertThat(policy.conditions()).containsExactly(
                new PostPolicy.StartsWith("key", "in/"),
                new PostPolicy.StartsWith("Content-Type", "image/"),
                new PostPolicy.Equals("acl", "public-read"),
                new PostPolicy.Equals("success_action_redirect", "https://x.test/ok"),
                new PostPolicy.Equals("x-amz-meta-trace-id", "t1"),
                new PostPolicy.Equals("x-amz-server-side-encryption", "AES256"));
        assertThat(policy.formFields()).containsExactly(
                entry("key", "in/${filename}"), entry("acl", "public-read"),
                entry("success_action_redirect", "https://x.test/ok"), entry("x-amz-meta-trace-id", "t1"),
                entry("x-amz-server-side-encryption", "AES256"));
        assertThat(policy.expiration(NOW)).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void build_keyOrPrefixMissingOrBoth_refused() {
        assertThatThrownBy(() -> PostPolicy.builder().expiresIn(Duration.ofMinutes(1)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs key");
        assertThatThrownBy(() -> PostPolicy.builder().key("a").keyStartsWith("b/").expiresIn(Duration.ofMinutes(1))
                .build()).isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> PostPolicy.builder().key("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PostPolicy.builder().key(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void contentLengthRange_negativeOrInverted_refused() {
        assertThatThrownBy(() -> PostPolicy.builder().contentLengthRange(-1, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("min=-1");
        assertThatThrownBy(() -> PostPolicy.builder().contentLengthRange(10, 9))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("max=9");
        assertThat(PostPolicy.builder().key("k").contentLengthRange(0, 0).expiresIn(Duration.ofSeconds(1)).build()
                .conditions()).contains(new PostPolicy.ContentLengthRange(0, 0));
    }

    @Test
    void expiry_zeroNegativeTooLongMissingOrBoth_refused() {
        assertThatThrownBy(() -> PostPolicy.builder().expiresIn(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> PostPolicy.builder().expiresIn(Duration.ofSeconds(-5)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PostPolicy.builder().expiresIn(Duration.ofDays(7).plusSeconds(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most");
        assertThat(PostPolicy.builder().key("k").expiresIn(Duration.ofDays(7)).build().expiration(NOW))
                .isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> PostPolicy.builder().key("k").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expiresIn");
        assertThatThrownBy(() -> PostPolicy.builder().key("k").expiresIn(Duration.ofMinutes(1))
                .expiresAt(Instant.now().plusSeconds(60)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
    }

    @Test
    void expiresAt_pastOrBeyondSevenDays_refusedAtBuildAndAtSigning() {
        PostPolicy.Builder builder = new PostPolicy.Builder(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> builder.expiresAt(NOW)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> builder.expiresAt(NOW.minusSeconds(1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> builder.expiresAt(NOW.plus(Duration.ofDays(8))))
                .isInstanceOf(InvalidInputException.class);

        PostPolicy policy = builder.key("k").expiresAt(NOW.plusSeconds(30)).build();
        assertThat(policy.expiration(NOW)).isEqualTo(NOW.plusSeconds(30));
        assertThatThrownBy(() -> policy.expiration(NOW.plusSeconds(31)))
                .as("signed after the absolute expiry").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void fields_reservedDuplicateOrMalformed_refused() {
        assertThatThrownBy(() -> PostPolicy.builder().condition("key", "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("managed");
        assertThatThrownBy(() -> PostPolicy.builder().conditionStartsWith("X-Amz-Signature", ""))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PostPolicy.builder().condition("$Cache-Control", "x"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PostPolicy.builder().condition("bad name", "x"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PostPolicy.builder().metadata("a b", "x"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PostPolicy.builder().metadata("note", "line\nbreak"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("control");
        assertThatThrownBy(() -> PostPolicy.builder().key("k").metadata("tag", "v")
                .conditionStartsWith("x-amz-meta-TAG", "").expiresIn(Duration.ofMinutes(1)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> PostPolicy.builder().key("k").contentType("a/b").contentTypeStartsWith("a/")
                .expiresIn(Duration.ofMinutes(1)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
    }

    @Test
    void successAction_badStatusOrRelativeRedirect_refused() {
        assertThatThrownBy(() -> PostPolicy.builder().successActionStatus(302))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("200, 201 or 204");
        assertThatThrownBy(() -> PostPolicy.builder().successActionRedirect(URI.create("/done")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PostPolicy.builder().successActionRedirect(URI.create("ftp://x/done")))
                .isInstanceOf(InvalidInputException.class);
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
