package io.reactives3.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.S3Target;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter's DEBUG line per request ({@code io.reactives3.spring.requests}) exists for each call, successful or
 * not, and carries no secret: {@link RequestLogProbe} runs in a JVM of its own with every logger at DEBUG, and
 * neither the store's secret key nor a planted fake secret key appears in its output, nor a planted header value in
 * a line of ours (the SDK's signer and Netty's wire log print header values at DEBUG).
 */
class RequestLogSecretsTest {

    private static final String FAKE_SECRET_KEY = "planted/FAKE+secret0key1never2logged3xyz";
    private static final String FAKE_TOKEN = "PlantedMetadataValue0123456789NeverLogged";

    @Test
    void debugLinePerRequest_noSecretsInTheOutput(@TempDir Path dir) throws Exception {
        S3Target target = S3ProxyTarget.get();
        String bucket = S3ProxyTarget.newBucket();
        Path output = dir.resolve("requests.log");
        ProcessBuilder child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-Dorg.slf4j.simpleLogger.log.io.reactives3=debug",
                "-Dorg.slf4j.simpleLogger.showLogName=true",
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-cp", System.getProperty("java.class.path"),
                RequestLogProbe.class.getName(),
                target.endpoint().toString(), target.region().id(), target.accessKey(), bucket))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        child.environment().put("S3_SECRET_KEY", target.secretKey());
        child.environment().put("FAKE_SECRET_KEY", FAKE_SECRET_KEY);
        child.environment().put("FAKE_TOKEN", FAKE_TOKEN);
        Process process = child.start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the probe ended within 3 minutes").isTrue();
        assertThat(log).as("the probe ran to its end").contains("PROBE DONE")
                .contains("PROBE fake put failed: AccessDeniedException");

        List<String> requests = log.lines().filter(l -> l.contains(" DEBUG io.reactives3.spring.requests - "))
                .toList();
        assertThat(requests).as("one DEBUG line per request").hasSize(4);
        assertThat(requests.get(0)).contains("PutObject PUT ").contains("/" + bucket + "/logged/key.txt -> 200");
        assertThat(requests.get(1)).contains("GetObject GET ").contains("/logged/key.txt -> 200");
        assertThat(requests.get(2)).contains("HeadObject HEAD ").contains("/logged/missing -> 404 failed");
        assertThat(requests.get(3)).contains("PutObject PUT ").contains("/logged/refused.txt -> 403 failed");
        assertThat(requests).noneMatch(l -> l.contains("?") || l.contains("Authorization")
                || l.contains(target.accessKey()));

        for (String secret : List.of(target.secretKey(), FAKE_SECRET_KEY)) {
            assertThat(log).as("a secret key in the output").doesNotContain(secret)
                    .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        // header values (here a metadata value) appear only where the SDK's signer and Netty's wire log put them
        assertThat(log).contains(FAKE_TOKEN);
        assertThat(log.lines().filter(l -> l.contains(" io.reactives3."))).as("lines of our loggers")
                .isNotEmpty().noneMatch(l -> l.contains(FAKE_TOKEN));
    }
}
