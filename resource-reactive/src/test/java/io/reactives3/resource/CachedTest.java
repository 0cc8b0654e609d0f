package io.reactives3.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The lazily loaded attributes behind resources and sub-resources: pure logic, no store. */
class CachedTest {

    @Test
    void get_loadsOnSubscriptionOnly_thenServesTheCachedAnswer() {
        AtomicInteger loads = new AtomicInteger();
        Cached<String> cached = new Cached<>(() -> Mono.fromSupplier(() -> "v" + loads.incrementAndGet()));

        Mono<String> first = cached.get();
        assertThat(loads).as("nothing is loaded before subscription").hasValue(0);

        StepVerifier.create(first).expectNext("v1").verifyComplete();
        StepVerifier.create(cached.get()).expectNext("v1").verifyComplete();
        StepVerifier.create(cached.refresh()).expectNext("v2").verifyComplete();
        StepVerifier.create(cached.get()).expectNext("v2").verifyComplete();
        assertThat(loads).hasValue(2);
    }

    @Test
    void get_emptyAnswer_isCachedToo() {
        AtomicInteger loads = new AtomicInteger();
        Cached<String> cached = new Cached<>(() -> Mono.<String>empty().doOnSubscribe(s -> loads.incrementAndGet()));

        StepVerifier.create(cached.get()).verifyComplete();
        StepVerifier.create(cached.get()).verifyComplete();

        assertThat(loads).hasValue(1);
    }

    @Test
    void get_failure_isNotCached() {
        AtomicInteger loads = new AtomicInteger();
        Cached<String> cached = new Cached<>(() -> loads.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("boom")) : Mono.just("ok"));

        StepVerifier.create(cached.get()).verifyErrorMessage("boom");
        StepVerifier.create(cached.get()).expectNext("ok").verifyComplete();
    }

    @Test
    void clearingAfter_successfulChange_forgetsTheAnswer_failedChange_keepsIt() {
        AtomicInteger loads = new AtomicInteger();
        Cached<Integer> cached = new Cached<>(() -> Mono.fromSupplier(loads::incrementAndGet));
        cached.get().block();

        StepVerifier.create(cached.clearingAfter(Mono.error(new IllegalStateException("refused"))))
                .verifyError(IllegalStateException.class);
        StepVerifier.create(cached.get()).expectNext(1).verifyComplete();

        StepVerifier.create(cached.clearingAfter(Mono.empty())).verifyComplete();
        StepVerifier.create(cached.get()).expectNext(2).verifyComplete();
    }
}
