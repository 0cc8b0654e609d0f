package io.reactives3.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, secrets: {@link SecretsProbe} runs in a JVM of its own with every logger (ours, the SDK's, Netty's, the
 * CRT's) at TRACE. Neither secret key (the store's, and a planted fake one) appears anywhere in its output: logs,
 * {@code toString()} of clients, settings, credentials providers and results, exception messages and stack traces.
 * Presigned URLs carry the access key id, the signature and (for session credentials) the session token, never a
 * secret key. The session token may appear in the SDK's own wire logs (a known limit), never in a line of ours.
 */
class SecretsTest {

    private static final String FAKE_ACCESS_KEY = "AKIAPLANTEDFAKE0KEY7";
    private static final String FAKE_SECRET_KEY = "planted/FAKE+secret0key1never2logged3xyz";
    private static final String FAKE_TOKEN = "PlantedFakeSessionToken0123456789abcdefNeverInOurLogs";

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void traceLoggingEverywhere_secretKeysNeverPrinted_tokenOnlyWhereTheSdkPutsIt(
            S3Target target, TestBucket bucket, @TempDir Path dir) throws IOException, InterruptedException {
        Path output = dir.resolve("secrets.log");
        ProcessBuilder child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.log.io.reactives3=trace",
                "-Dorg.slf4j.simpleLogger.showLogName=true",
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-Daws.crt.log.level=Trace", "-Daws.crt.log.destination=Stdout",
                "-cp", System.getProperty("java.class.path"),
                SecretsProbe.class.getName(),
                target.endpoint().toString(), target.region().id(), TargetClients.profileOf(target).name(),
                bucket.name()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        child.environment().put("S3_ACCESS_KEY", target.accessKey());
        child.environment().put("S3_SECRET_KEY", target.secretKey());
        child.environment().put("FAKE_ACCESS_KEY", FAKE_ACCESS_KEY);
        child.environment().put("FAKE_SECRET_KEY", FAKE_SECRET_KEY);
        child.environment().put("FAKE_TOKEN", FAKE_TOKEN);
        Process process = child.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the probe ended within 5 minutes").isTrue();
        assertThat(log).as("the probe ran to its end").contains("PROBE DONE");
        // it did log at TRACE and did talk to the store
        assertThat(log).contains("TRACE").contains("PROBE NETTY store get: ").contains("PROBE CRT store get: ");

        for (String secret : List.of(target.secretKey(), FAKE_SECRET_KEY)) {
            assertThat(log).as("secret key in the output").doesNotContain(secret)
                    .doesNotContain(java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        List<String> ours = log.lines().filter(l -> l.contains(" io.reactives3.")
                && (l.contains("TRACE") || l.contains("DEBUG") || l.contains("INFO") || l.contains("WARN")
                || l.contains("ERROR"))).toList();
        assertThat(ours).as("lines of our loggers").noneMatch(l -> l.contains(FAKE_TOKEN));
        List<String> probeLines = log.lines().filter(l -> l.startsWith("PROBE ")).toList();
        assertThat(probeLines).as("toString of results, settings, credentials, exception messages")
                .noneMatch(l -> l.contains(FAKE_TOKEN));
        assertThat(log).contains("PROBE NETTY fake put failed");   // the fake credentials were refused
        // the core client's own DEBUG line per request: there, and as free of secrets as the rest (checked above)
        List<String> requests = log.lines().filter(l -> l.contains(" io.reactives3.core.requests ")).toList();
        assertThat(requests).as("per-request DEBUG lines")
                .anyMatch(l -> l.contains("PutObject s3://" + bucket.name() + "/") && l.contains(" -> 200 in "))
                .anyMatch(l -> l.contains("GetObject s3://" + bucket.name() + "/secrets/missing failed in ")
                        && l.contains("ObjectNotFoundException"))
                .anyMatch(l -> l.contains("PutObject s3://") && l.contains(" failed in ")
                        && l.contains("AccessDeniedException"));

        Pattern query = Pattern.compile("[?&]([^=&]+)=([^&]*)");
        List<String> urls = log.lines().filter(l -> l.startsWith("PROBE-URL ")).toList();
        assertThat(urls).hasSize(8);
        for (String line : urls) {
            Matcher m = query.matcher(line.substring(line.indexOf("http")));
            java.util.Map<String, String> params = new java.util.TreeMap<>();
            while (m.find()) {
                params.put(m.group(1), java.net.URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
            }
            assertThat(params.keySet()).as(line).containsAll(List.of("X-Amz-Credential", "X-Amz-Signature"));
            boolean fake = line.contains(" fake ");
            assertThat(params.get("X-Amz-Credential")).startsWith((fake ? FAKE_ACCESS_KEY : target.accessKey()) + "/");
            if (fake) {
                assertThat(params).as(line).containsEntry("X-Amz-Security-Token", FAKE_TOKEN);
            } else {
                assertThat(params).as(line).doesNotContainKey("X-Amz-Security-Token");
            }
            assertThat(params.keySet()).as(line).allMatch(k -> k.startsWith("X-Amz-") || k.startsWith("x-id"));
        }
        // where the SDK or its HTTP clients write the session token (a known limit, reported in RELIABILITY.md)
        List<String> lines = log.lines().toList();
        java.util.Set<String> writers = new java.util.TreeSet<>();
        String logger = "?";
        Pattern entry = Pattern.compile("^\\S+ \\[[^\\]]*\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - .*");
        for (String line : lines) {
            Matcher m = entry.matcher(line);
            if (m.matches()) {
                logger = m.group(1) + " " + m.group(2);
            } else if (line.startsWith("PROBE")) {
                logger = "?";
            }
            if (line.contains(FAKE_TOKEN) && !line.startsWith("PROBE-")) {
                writers.add(logger);
            }
        }
        writers.forEach(w -> System.out.println("[" + target.name() + "] session token logged by: " + w));
    }
}
