package io.reactives3.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.error.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferSettingsTest {

    private static final long MIB = TransferSettings.MIB;

    @Test
    void defaults_areTheDocumentedValues() {
        TransferSettings d = TransferSettings.defaults();
        assertThat(d.partSize()).isEqualTo(8 * MIB);
        assertThat(d.multipartThreshold()).isEqualTo(16 * MIB);
        assertThat(d.concurrency()).isEqualTo(8);
        assertThat(d.memoryBudget()).isSameAs(MemoryBudget.jvmDefault());
        assertThat(d.partsInFlight()).isEqualTo((int) Math.max(1, Math.min(8,
                MemoryBudget.jvmDefault().capacity() / (8 * MIB))));
        assertThat(TransferSettings.builder().concurrency(3).build().toBuilder().build().concurrency()).isEqualTo(3);
        assertThat(d.integrity()).isEqualTo(IntegrityMode.AUTO);
        assertThat(d.backend()).isEqualTo(TransferBackend.AUTO);
        assertThat(d.partIdleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.withPartIdleTimeout(Duration.ofSeconds(2)).partIdleTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void partsInFlight_isLimitedByTheMemoryBudget() {
        assertThat(TransferSettings.defaults().withPartSize(32 * MIB).withMemoryBudget(64 * MIB).partsInFlight())
                .isEqualTo(2);
    }

    @Test
    void constructor_outOfRangeValues_throwNamingTheSetting() {
        assertThatThrownBy(() -> TransferSettings.defaults().withPartSize(MIB)).hasMessageContaining("partSize");
        assertThatThrownBy(() -> TransferSettings.defaults().withMultipartThreshold(MIB))
                .hasMessageContaining("multipartThreshold");
        assertThatThrownBy(() -> TransferSettings.defaults().withConcurrency(0)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> TransferSettings.defaults().withMemoryBudget(0)).hasMessageContaining("memory budget");
        assertThatThrownBy(() -> TransferSettings.defaults().withProgressInterval(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TransferSettings.defaults().withIntegrity(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withX_returnsACopy_leavesTheOriginalUnchanged() {
        TransferSettings base = TransferSettings.defaults();
        TransferSettings changed = base.withConcurrency(3).withMaxPartAttempts(1).withRetryBackoff(Duration.ZERO)
                .withBackend(TransferBackend.REACTOR);
        assertThat(List.of(changed.concurrency(), changed.maxPartAttempts(), changed.retryBackoff(), changed.backend()))
                .containsExactly(3, 1, Duration.ZERO, TransferBackend.REACTOR);
        assertThat(List.of(base.concurrency(), base.maxPartAttempts(), base.retryBackoff(), base.backend()))
                .containsExactly(8, 4, Duration.ofMillis(200), TransferBackend.AUTO);
        assertThat(changed.partSize()).isEqualTo(base.partSize());
    }

    @Test
    void withX_boundsOfEveryRange_failWithInvalidInput() {
        TransferSettings d = TransferSettings.defaults();
        assertThat(d.withPartSize(TransferSettings.MAX_PART_SIZE).partSize()).isEqualTo(TransferSettings.MAX_PART_SIZE);
        assertThatThrownBy(() -> d.withPartSize(TransferSettings.MAX_PART_SIZE + 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("partSize");
        assertThat(d.withConcurrency(256).concurrency()).isEqualTo(256);
        assertThatThrownBy(() -> d.withConcurrency(257)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> d.withFileConcurrency(65)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fileConcurrency");
        assertThatThrownBy(() -> d.withDeleteConcurrency(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("deleteConcurrency");
        assertThatThrownBy(() -> d.withMaxPartAttempts(21)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxPartAttempts");
        assertThatThrownBy(() -> d.withRetryBackoff(Duration.ofMillis(-1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("retryBackoff");
        assertThatThrownBy(() -> d.withPartIdleTimeout(Duration.ZERO)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void fraction_batchJobWithoutBytes_countsItems() {
        TransferProgress<Void> p = new TransferProgress<>(0, 0L, 1, 4, 500, 2000L, Duration.ofSeconds(1), null);
        assertThat(p.fraction()).isEqualTo(0.25);
        assertThat(p.done()).isFalse();
        TransferProgress<String> unknown = new TransferProgress<>(5, null, 1, null, 0, null, Duration.ZERO, null);
        assertThat(unknown.fraction()).isNaN();
        assertThat(new TransferProgress<>(0, 0L, 0, 0, 0, null, Duration.ZERO, "r").fraction()).isNaN();
        TransferProgress<String> last = new TransferProgress<>(5, 10L, 1, 2, 0, 1L, Duration.ofSeconds(1), "r");
        assertThat(last.bytesPerSecond()).isEqualTo(5.0);
        assertThat(last.done()).isTrue();
    }

    @Test
    void directoryOptions_includeAndExclude_selectByRelativePath() {
        DirectoryOptions options = DirectoryOptions.all().include("**.csv").include("*.csv").exclude("tmp/**");
        assertThat(options.selects("a.csv")).isTrue();
        assertThat(options.selects("data/2024/a.csv")).isTrue();
        assertThat(options.selects("tmp/a.csv")).isFalse();
        assertThat(options.selects("a.txt")).isFalse();
        assertThat(DirectoryOptions.all().selects("anything/at/all")).isTrue();
    }
}
