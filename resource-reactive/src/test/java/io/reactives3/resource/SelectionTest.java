package io.reactives3.resource;

import static io.reactives3.resource.Filter.delimiter;
import static io.reactives3.resource.Filter.initiatedBefore;
import static io.reactives3.resource.Filter.prefix;
import static io.reactives3.resource.Filter.startAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the collections' filters select: pure logic. */
class SelectionTest {

    @Test
    void with_eachKind_setsItsOwnField() {
        Selection selection = Selection.ALL.with(prefix("p/"), delimiter("/"), startAfter("p/a"),
                initiatedBefore(Instant.EPOCH));

        assertThat(selection).isEqualTo(new Selection("p/", "/", "p/a", Instant.EPOCH));
        assertThat(Selection.ALL).isEqualTo(new Selection(null, null, null, null));
    }

    @Test
    void with_laterFilterOfAKind_wins_andTheOriginalStaysUnchanged() {
        Selection first = Selection.ALL.with(prefix("a/"));

        Selection second = first.with(prefix("b/"), delimiter("/"), prefix("c/"));

        assertThat(second).isEqualTo(new Selection("c/", "/", null, null));
        assertThat(first).isEqualTo(new Selection("a/", null, null, null));
    }

    @Test
    void with_nullFilter_throws() {
        assertThatThrownBy(() -> Selection.ALL.with(prefix("a/"), null)).isInstanceOf(NullPointerException.class);
    }
}
