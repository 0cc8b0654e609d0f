package io.reactives3.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The parsed command line: the verb, its operands, and the options (which may come before or after the verb). */
final class Options {

    static final List<String> VERBS = List.of("ls", "cp", "sync", "rm", "mb", "rb", "presign", "serve");

    /** Options that take a value ({@code --name value} or {@code --name=value}). */
    private static final Set<String> VALUED = Set.of("endpoint", "region", "access-key", "secret-key", "server",
            "store-profile", "source-endpoint", "source-region", "source-access-key", "source-secret-key",
            "source-server", "concurrency", "part-size", "multipart-threshold", "expires-in", "method",
            "progress-interval", "read-timeout");
    /** Options that are switches. */
    private static final Set<String> SWITCHES = Set.of("recursive", "delete", "force", "no-progress", "quiet",
            "no-sign-request", "path-style", "no-path-style", "source-path-style", "source-no-path-style", "dry-run",
            "help", "summarize");
    private static final Map<String, String> SHORT = Map.of("-r", "recursive", "-q", "quiet", "-h", "help");

    final @Nullable String verb;
    final List<String> operands;
    private final Map<String, String> values;
    private final Set<String> switches;

    private Options(@Nullable String verb, List<String> operands, Map<String, String> values, Set<String> switches) {
        this.verb = verb;
        this.operands = List.copyOf(operands);
        this.values = Map.copyOf(values);
        this.switches = Set.copyOf(switches);
    }

    static Options parse(String[] args) {
        String verb = null;
        List<String> operands = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new HashSet<>();
        boolean onlyOperands = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!onlyOperands && arg.equals("--")) {
                onlyOperands = true;
                continue;
            }
            if (!onlyOperands && arg.startsWith("-") && arg.length() > 1) {
                String name = SHORT.containsKey(arg) ? SHORT.get(arg) : arg.startsWith("--") ? arg.substring(2) : null;
                if (name == null) {
                    throw CliException.usage("unknown option '" + arg + "'");
                }
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (VALUED.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw CliException.usage("option --" + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    values.put(name, value);
                } else if (SWITCHES.contains(name)) {
                    if (value != null) {
                        throw CliException.usage("option --" + name + " takes no value");
                    }
                    switches.add(name);
                } else {
                    throw CliException.usage("unknown option '--" + name + "'");
                }
            } else if (verb == null) {
                verb = arg;
            } else {
                operands.add(arg);
            }
        }
        if (verb != null && !VERBS.contains(verb)) {
            throw CliException.usage("unknown command '" + verb + "' (commands: " + String.join(", ", VERBS) + ")");
        }
        return new Options(verb, operands, values, switches);
    }

    boolean has(String flag) {
        return switches.contains(flag);
    }

    @Nullable String value(String name) {
        return values.get(name);
    }

    int intValue(String name, int defaultValue, int min, int max) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw CliException.usage("--" + name + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw CliException.usage("--" + name + " expects a whole number, not '" + v + "'");
        }
    }

    /** A size such as {@code 8388608}, {@code 8MiB}, {@code 8MB}, {@code 8M} (suffixes are binary, as in aws s3). */
    @Nullable Long sizeValue(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        String s = v.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        String digits = s;
        String[][] units = {{"KIB", "KB", "K"}, {"MIB", "MB", "M"}, {"GIB", "GB", "G"}};
        for (int u = 0; u < units.length; u++) {
            for (String suffix : units[u]) {
                if (s.endsWith(suffix) && unit == 1) {
                    unit = 1L << (10 * (u + 1));
                    digits = s.substring(0, s.length() - suffix.length()).trim();
                }
            }
        }
        if (digits.endsWith("B") && unit == 1) {
            digits = digits.substring(0, digits.length() - 1);
        }
        try {
            return Long.parseLong(digits) * unit;
        } catch (NumberFormatException e) {
            throw CliException.usage("--" + name + " expects a size such as 8MiB, not '" + v + "'");
        }
    }

    Duration durationSeconds(String name, long defaultSeconds) {
        String v = values.get(name);
        try {
            return Duration.ofSeconds(v == null ? defaultSeconds : Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            throw CliException.usage("--" + name + " expects seconds, not '" + v + "'");
        }
    }

    /** The operands, checking their number. */
    List<String> operands(int min, int max, String usage) {
        if (operands.size() < min || operands.size() > max) {
            throw CliException.usage("usage: rs3 " + usage);
        }
        return operands;
    }
}
