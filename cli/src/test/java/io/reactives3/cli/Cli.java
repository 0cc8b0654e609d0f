package io.reactives3.cli;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs rs3 in-process against a testkit target, capturing its output. */
final class Cli {

    /** What a command printed and returned. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
    }

    /** The flags that point rs3 at {@code target}, as a user would type them. */
    static List<String> endpointFlags(S3Target target) {
        return endpointFlags(target, "");
    }

    static List<String> endpointFlags(S3Target target, String prefix) {
        List<String> flags = new ArrayList<>(List.of("--" + prefix + "endpoint", target.endpoint().toString(),
                "--" + prefix + "region", target.region().id(),
                "--" + prefix + "access-key", target.accessKey(), "--" + prefix + "secret-key", target.secretKey(),
                target.pathStyle() ? "--" + prefix + "path-style" : "--" + prefix + "no-path-style"));
        if (prefix.isEmpty()) {
            flags.addAll(List.of("--store-profile", profile(target.kind())));
        }
        return flags;
    }

    private static String profile(StoreKind kind) {
        return switch (kind) {
            case S3PROXY -> "s3proxy";
            case CEPH_RGW -> "ceph";
            case MINIO -> "minio";
            default -> "generic";
        };
    }

    /** Runs {@code rs3 <endpoint flags of target> args}. */
    static Run on(S3Target target, String... args) {
        List<String> all = new ArrayList<>(endpointFlags(target));
        all.addAll(Arrays.asList(args));
        return run(all.toArray(String[]::new));
    }

    /** Runs {@code rs3 args} with an empty environment. */
    static Run run(String... args) {
        return run(new Rs3Holder(), args);
    }

    static Run run(Rs3Holder holder, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Rs3 rs3 = new Rs3(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false);
        holder.rs3 = rs3;
        int code = rs3.execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Gives a test the running command, to cancel it from another thread. */
    static final class Rs3Holder {
        volatile Rs3 rs3;
    }
}
