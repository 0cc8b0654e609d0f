package io.reactives3.cli;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs rs3 in-process (or as a process) against a testkit target, capturing its output. */
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

    /**
     * Runs {@code rs3 args} as a process of its own (this JVM's java, the test class path, without the
     * {@code AWS_*} and {@code REACTIVE_S3_*} variables), as a user runs it; at most 60 s.
     */
    static Run runProcess(String... args) throws IOException, InterruptedException {
        List<String> command = javaCommand(List.of(), Rs3.class);
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile("rs3-out", ".txt");
        Path err = Files.createTempFile("rs3-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("REACTIVE_S3_"));
        Process rs3 = builder.start();
        try {
            if (!rs3.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("rs3 " + String.join(" ", args) + " did not end within 60 s");
            }
            return new Run(rs3.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            rs3.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The command that starts {@code mainClass} in a JVM of its own: this JVM's {@code java}, {@code jvmOptions}, the
     * test class path; a mutable list, for the program's arguments to be added.
     */
    static List<String> javaCommand(List<String> jvmOptions, Class<?> mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", testClassPath(), mainClass.getName()));
        return command;
    }

    /** The test class path (surefire runs tests from a manifest-only jar and names the real one in a property). */
    static String testClassPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path != null ? path : System.getProperty("java.class.path");
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
