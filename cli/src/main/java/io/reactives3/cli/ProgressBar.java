package io.reactives3.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Renders a transfer's progress: bytes, rate, ETA. On a terminal one line redrawn in place
 * ({@code [#####.....]  48%  123.0 MiB / 256.0 MiB  87.2 MiB/s  ETA 2s}); elsewhere (a pipe, a log file, CI)
 * a plain line every {@code plainInterval} (the first one interval after the start, so a short transfer prints only
 * its final line). Not thread-safe: call it from one thread (the one that waits
 * for the transfer), never from a Reactor thread, since printing blocks.
 */
public final class ProgressBar {

    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final Duration plainInterval;
    /** When the last plain line was printed (or the bar created or finished): plain lines wait an interval. */
    private long lastPlainNanos = System.nanoTime();
    private @Nullable String lastPlain;
    private boolean drawn;

    /**
     * A bar printing to {@code out}.
     *
     * @param out           where to print
     * @param terminal      whether {@code out} is a terminal (redraw in place) or not (plain periodic lines)
     * @param plainInterval the least time between two plain lines (e.g. 2 s); ignored on a terminal
     */
    public ProgressBar(PrintStream out, boolean terminal, Duration plainInterval) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.plainInterval = Objects.requireNonNull(plainInterval, "plainInterval");
    }

    /** Whether the standard output is a terminal (both standard input and output attached to one). */
    public static boolean stdoutIsTerminal() {
        return System.console() != null;
    }

    /**
     * Shows the state of a transfer: redraws the bar on a terminal, prints a plain line when the interval has
     * passed since the last one otherwise.
     *
     * @param label   what is moving (e.g. {@code upload})
     * @param bytes   bytes moved so far
     * @param total   bytes in all, or {@code null} while unknown (no percentage nor ETA then)
     * @param elapsed time since the transfer started
     * @param detail  extra text (e.g. {@code 3/10 files}), or {@code null}
     */
    public void update(String label, long bytes, @Nullable Long total, Duration elapsed, @Nullable String detail) {
        show(line(label, bytes, total, elapsed, detail));
    }

    /**
     * Shows the state of a job counted in items rather than bytes (e.g. objects put or deleted), as
     * {@link #update} does.
     *
     * @param unit what is counted, plural (e.g. {@code objects})
     */
    public void updateCount(String label, long done, @Nullable Long total, Duration elapsed, String unit) {
        show(countLine(label, done, total, elapsed, unit));
    }

    /** Shows the final state of a job counted in items and ends the bar's line, as {@link #finish} does. */
    public void finishCount(String label, long done, @Nullable Long total, Duration elapsed, String unit) {
        end(countLine(label, done, total, elapsed, unit));
    }

    private void show(String line) {
        if (terminal) {
            out.print("\r\033[2K" + line);
            out.flush();
            drawn = true;
        } else {
            long now = System.nanoTime();
            if (now - lastPlainNanos >= plainInterval.toNanos()) {
                lastPlainNanos = now;
                lastPlain = line;
                out.println(line);
            }
        }
    }

    /** Prints {@code message} on a line of its own, above the bar on a terminal (the next update redraws it). */
    public void message(String message) {
        if (terminal && drawn) {
            out.print("\r\033[2K");
            drawn = false;
        }
        out.println(message);
    }

    /** Shows the final state (always printed, also when not a terminal) and ends the bar's line. */
    public void finish(String label, long bytes, @Nullable Long total, Duration elapsed, @Nullable String detail) {
        end(line(label, bytes, total, elapsed, detail));
    }

    private void end(String line) {
        if (terminal) {
            out.println("\r\033[2K" + line);
        } else if (!line.equals(lastPlain)) { // not twice the same final line
            out.println(line);
        }
        lastPlainNanos = System.nanoTime();
        lastPlain = null;
        drawn = false;
    }

    /** The text of one update of a job counted in items, e.g. {@code delete [####....]  50%  500/1000 objects}. */
    public static String countLine(String label, long done, @Nullable Long total, Duration elapsed, String unit) {
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder s = new StringBuilder(label).append(' ');
        if (total != null && total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            s.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%%  %,d/%,d %s", fraction * 100, done, total, unit));
        } else {
            s.append(String.format(Locale.ROOT, "%,d %s", done, unit));
        }
        s.append(String.format(Locale.ROOT, "  %,.0f %s/s", rate, unit));
        if (total != null && total > 0 && done < total) {
            s.append("  ETA ").append(rate > 0 ? duration(Duration.ofSeconds((long) Math.ceil((total - done) / rate)))
                    : "?");
        } else {
            s.append("  in ").append(duration(elapsed));
        }
        return s.toString();
    }

    /** The text of one update (no control characters), e.g. for logs and tests. */
    public static String line(String label, long bytes, @Nullable Long total, Duration elapsed,
                              @Nullable String detail) {
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? bytes / seconds : 0;
        StringBuilder s = new StringBuilder(label).append(' ');
        if (total != null && total > 0) {
            double fraction = Math.min(1.0, (double) bytes / total);
            int filled = (int) Math.round(fraction * WIDTH);
            s.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%%  ", fraction * 100))
                    .append(bytes(bytes)).append(" / ").append(bytes(total));
        } else {
            s.append(bytes(bytes));
        }
        s.append("  ").append(bytes((long) rate)).append("/s");
        if (total != null && total > 0 && bytes < total) {
            s.append("  ETA ").append(rate > 0 ? duration(Duration.ofSeconds((long) Math.ceil((total - bytes) / rate)))
                    : "?");
        } else {
            s.append("  in ").append(duration(elapsed));
        }
        if (detail != null && !detail.isEmpty()) {
            s.append("  ").append(detail);
        }
        return s.toString();
    }

    /** A byte count in binary units: {@code 512 B}, {@code 1.5 KiB}, {@code 256.0 MiB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A short duration: {@code 850ms}, {@code 42s}, {@code 3m05s}, {@code 1h02m}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
