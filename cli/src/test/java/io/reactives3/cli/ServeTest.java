package io.reactives3.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code rs3 --server s3proxy serve} keeps a server up for other commands, configured by what it prints. */
class ServeTest {

    @Test
    void serve_printsTheVariablesOtherCommandsUse_untilCancelled() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rs3 serve = new Rs3(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of(), false);
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> serve.execute(new String[]{"--server",
                "s3proxy", "serve"}));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!out.toString(StandardCharsets.UTF_8).contains("export ") && System.nanoTime() < deadline) {
            VerbsTest.sleep(50);
        }
        String exports = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("export "))
                .findFirst().orElseThrow(() -> new AssertionError("no export line in: " + out));
        Map<String, String> env = new HashMap<>();
        for (String pair : exports.substring("export ".length()).split(" ")) {
            env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertThat(env).containsKeys("REACTIVE_S3_ENDPOINT", "REACTIVE_S3_ACCESS_KEY", "REACTIVE_S3_SECRET_KEY");

        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        Rs3 client = new Rs3(new PrintStream(listing, true, StandardCharsets.UTF_8), System.err, env, false);
        assertThat(client.execute(new String[]{"mb", "s3://served"})).isZero();
        assertThat(client.execute(new String[]{"ls"})).isZero();
        assertThat(listing.toString(StandardCharsets.UTF_8)).contains(" served\n");

        assertThat(code).isNotDone();
        serve.cancel();
        assertThat(code.get(30, TimeUnit.SECONDS)).isEqualTo(Rs3.INTERRUPTED);
    }
}
