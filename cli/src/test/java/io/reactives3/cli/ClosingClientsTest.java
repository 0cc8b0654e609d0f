package io.reactives3.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A command about to exit gives its closed clients' closing threads a bounded time to end, so that no event loop is
 * left polling when the JVM exits (which would make the exit wait 300 ms).
 */
class ClosingClientsTest {

    @Test
    void awaitEnd_waitsForAClosingThreadToEnd() throws InterruptedException {
        Thread closing = closingThread(() -> VerbsTest.sleep(200));
        long start = System.nanoTime();

        assertThat(ClosingClients.awaitEnd(Duration.ofSeconds(10))).isTrue();

        assertThat(closing.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void awaitEnd_givesUpAfterItsBound_onAThreadThatDoesNotEnd() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread closing = closingThread(() -> awaitQuietly(release));
        try {
            long start = System.nanoTime();
            assertThat(ClosingClients.awaitEnd(Duration.ofMillis(100))).isFalse();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(90)).isLessThan(Duration.ofSeconds(5));
            assertThat(closing.isAlive()).isTrue();
        } finally {
            release.countDown();
            closing.join(10_000);
        }
    }

    @S3Test(only = StoreKind.S3PROXY)
    void afterACommand_theThreadsClosingItsClientsEnd(S3Target target, TestBucket bucket) {
        bucket.put("a.txt", new byte[] {1, 2, 3});
        Cli.Run listed = Cli.on(target, "ls", "s3://" + bucket.name());
        assertThat(listed.code()).as(listed.toString()).isZero();

        assertThat(ClosingClients.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.getName().equals(ReactiveS3Client.CLOSE_THREAD_NAME) && t.isAlive());
    }

    private static Thread closingThread(Runnable body) {
        Thread thread = new Thread(body, ReactiveS3Client.CLOSE_THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
