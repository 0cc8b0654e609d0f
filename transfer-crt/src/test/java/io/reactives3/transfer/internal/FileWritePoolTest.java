package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pool behind file downloads' writes: its threads started with it, bounded, named, daemon; queued writes finish
 * after close, later ones are refused.
 */
class FileWritePoolTest {

    @Test
    void manyBlockedWrites_useAtMostThePoolsThreads_andQueuedOnesStillRunAfterShutdown() throws Exception {
        ExecutorService pool = RangedDownloader.fileWritePool(2);
        assertThat(((ThreadPoolExecutor) pool).getPoolSize()).as("started with the pool")
                .isEqualTo(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        Set<String> names = ConcurrentHashMap.newKeySet();
        Set<Boolean> daemons = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            pool.execute(() -> {
                names.add(Thread.currentThread().getName());
                daemons.add(Thread.currentThread().isDaemon());
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.incrementAndGet();
            });
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(done).hasValue(20);
        assertThat(names).hasSize(2).allMatch(name -> name.startsWith("reactive-s3-file-write-"));
        assertThat(daemons).containsExactly(true);
    }
}
