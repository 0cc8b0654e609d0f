package io.reactives3.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void line_showsBytesRateAndEta() {
        String line = ProgressBar.line("upload", 64L << 20, 256L << 20, Duration.ofSeconds(2), "1/1 objects");
        assertThat(line).contains("[######..................]").contains(" 25%").contains("64.0 MiB / 256.0 MiB")
                .contains("32.0 MiB/s").contains("ETA 6.0s").endsWith("1/1 objects");
    }

    @Test
    void line_unknownTotal_hasNoPercentNorEta() {
        String line = ProgressBar.line("copy", 1536, null, Duration.ofMillis(500), null);
        assertThat(line).isEqualTo("copy 1.5 KiB  3.0 KiB/s  in 500ms");
    }

    @Test
    void notATerminal_printsPlainLinesOnlyOnceTheIntervalPassed() {
        ByteArrayOutputStream hourly = new ByteArrayOutputStream();
        ProgressBar slow = new ProgressBar(new PrintStream(hourly, true, StandardCharsets.UTF_8), false,
                Duration.ofHours(1));
        ByteArrayOutputStream always = new ByteArrayOutputStream();
        ProgressBar fast = new ProgressBar(new PrintStream(always, true, StandardCharsets.UTF_8), false,
                Duration.ZERO);
        for (int i = 1; i <= 100; i++) {
            slow.update("up", i, 100L, Duration.ofSeconds(i), null);
            fast.update("up", i, 100L, Duration.ofSeconds(i), null);
        }
        slow.finish("up", 100, 100L, Duration.ofSeconds(100), null);
        fast.finish("up", 100, 100L, Duration.ofSeconds(100), null);
        assertThat(hourly.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().contains("100%");
        String out = always.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(100); // the final line equals the last update: not printed twice
        assertThat(out).doesNotContain("\r").doesNotContain("\033");
        assertThat(out.lines().toList().get(49)).contains(" 50%");
    }

    @Test
    void terminal_redrawsOneLineInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
                Duration.ofHours(1));
        bar.update("up", 10, 100L, Duration.ofSeconds(1), null);
        bar.update("up", 20, 100L, Duration.ofSeconds(2), null);
        bar.message("upload: a to s3://b/a");
        bar.finish("up", 100, 100L, Duration.ofSeconds(3), null);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.chars().filter(c -> c == '\r').count()).isEqualTo(4);
        assertThat(out.split("\n")).hasSize(2);
    }

    @Test
    void bytesAndDurations_readable() {
        assertThat(ProgressBar.bytes(0)).isEqualTo("0 B");
        assertThat(ProgressBar.bytes(5L << 30)).isEqualTo("5.0 GiB");
        assertThat(ProgressBar.duration(Duration.ofSeconds(185))).isEqualTo("3m05s");
    }
}
