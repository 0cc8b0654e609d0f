package io.reactives3.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Pure logic of {@link Pages}, with fake page calls that count how often they were started (the server-side proof
 * is in ListingTest). Page {@code n} holds items {@code 10n .. 10n+2}; there are 5 pages.
 */
class PagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final AtomicInteger started = new AtomicInteger();

    /** A cold page call that, like S3Calls.call, starts its "request" on subscribe. */
    private Mono<Integer> fetch(int page) {
        return Mono.fromFuture(() -> {
            started.incrementAndGet();
            return CompletableFuture.completedFuture(page);
        });
    }

    private Mono<Integer> next(int page) {
        return page < 5 ? fetch(page + 1) : null;
    }

    @Test
    void plainExpand_startsTheNextCallWithoutDemand_whichIsWhyPagesExists() {
        Flux<Integer> naive = fetch(1).expand(p -> p < 5 ? fetch(p + 1) : Mono.empty());
        StepVerifier.create(naive, 0)
                .thenRequest(1)
                .expectNext(1)
                .then(() -> assertThat(started).as("calls started for 1 requested page").hasValue(2))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void pages_startOneCallPerRequestedPage() {
        StepVerifier.create(Pages.pages(fetch(1), this::next), 0)
                .expectSubscription()
                .then(() -> assertThat(started).as("no demand").hasValue(0))
                .thenRequest(1)
                .expectNext(1)
                .then(() -> assertThat(started).hasValue(1))
                .thenRequest(2)
                .expectNext(2, 3)
                .then(() -> assertThat(started).hasValue(3))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(started).hasValue(3);
    }

    @Test
    void pages_lastPage_completesWithoutFurtherDemand() {
        StepVerifier.create(Pages.pages(fetch(4), this::next), 0)
                .thenRequest(2)
                .expectNext(4, 5)
                .verifyComplete();
        assertThat(started).hasValue(2);
    }

    @Test
    void items_demandEndingOnPageBoundary_fetchesNoFurtherPage() {
        Flux<Integer> items = Pages.items(Pages.pages(fetch(1), this::next),
                p -> List.of(10 * p, 10 * p + 1, 10 * p + 2));
        StepVerifier.create(items, 0)
                .thenRequest(3)
                .expectNext(10, 11, 12)
                .then(() -> assertThat(started).as("the whole first page requested, nothing beyond").hasValue(1))
                .thenRequest(1)
                .expectNext(20)
                .then(() -> assertThat(started).hasValue(2))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void items_takeFromFirstPage_startsOnlyTheFirstCall() {
        Flux<Integer> items = Pages.items(Pages.pages(fetch(1), this::next),
                p -> List.of(10 * p, 10 * p + 1, 10 * p + 2));
        StepVerifier.create(items.take(2)).expectNext(10, 11).verifyComplete();
        assertThat(started).hasValue(1);

        started.set(0);
        StepVerifier.create(items, 0)
                .expectSubscription()
                .then(() -> assertThat(started).as("no demand").hasValue(0))
                .thenRequest(3)
                .expectNext(10, 11, 12)
                .thenRequest(1)
                .expectNext(20)
                .then(() -> assertThat(started).hasValue(2))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void onRequest_cancelBeforeRequest_neverStartsTheCall() {
        StepVerifier.create(Pages.onRequest(fetch(1)), 0)
                .expectSubscription()
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(started).hasValue(0);
    }

    @Test
    void pages_errorOfALaterPage_endsTheStreamWithIt() {
        IllegalStateException boom = new IllegalStateException("page 3 failed");
        Flux<Integer> pages = Pages.pages(fetch(1), p -> p == 2 ? Mono.error(boom) : fetch(p + 1));
        StepVerifier.create(pages).expectNext(1, 2).expectErrorMatches(e -> e == boom).verify(TIMEOUT);
    }
}
