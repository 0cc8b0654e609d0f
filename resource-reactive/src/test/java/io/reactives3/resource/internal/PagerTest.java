package io.reactives3.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.model.Page;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The paging rules on a fake listing of numbered items (pure logic; the integration tests count real requests). */
class PagerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * A listing of {@code total} items whose cursor is the next item's index; records every request's page size when
     * the request starts (on subscription, like the SDK) and answers on another thread, as a store does.
     */
    private static final class FakeListing implements Pager.PageFetcher<Integer, Integer> {
        final int total;
        final List<Integer> requests = new CopyOnWriteArrayList<>();

        FakeListing(int total) {
            this.total = total;
        }

        @Override
        public Mono<Fetched<Integer, Integer>> fetch(Integer cursor, int maxItems) {
            return Mono.fromCallable(() -> {
                requests.add(maxItems);
                int from = cursor == null ? 0 : cursor;
                int to = Math.min(total, from + maxItems);
                return new Fetched<>(IntStream.range(from, to).boxed().toList(), List.of(), to < total ? to : null);
            }).subscribeOn(Schedulers.parallel());
        }
    }

    private static Flux<Integer> items(Flux<Page<Integer>> pages) {
        return Pager.items(pages);
    }

    @Test
    void items_noDemand_sendsNothing() {
        FakeListing listing = new FakeListing(5000);
        StepVerifier.create(items(Pager.pages(null, Limits.DEFAULT, listing)), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(200))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(listing.requests).isEmpty();
    }

    @Test
    void pages_noDemand_sendsNothing() {
        FakeListing listing = new FakeListing(5000);
        StepVerifier.create(Pager.pages(null, Limits.DEFAULT, listing), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(100))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(listing.requests).isEmpty();
    }

    @Test
    void pages_onePageRequested_fetchesExactlyOnePage() {
        FakeListing listing = new FakeListing(5000);
        StepVerifier.create(Pager.pages(null, Limits.DEFAULT, listing), 0)
                .thenRequest(1)
                .assertNext(p -> assertThat(p.items()).hasSize(1000))
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> assertThat(listing.requests).containsExactly(1000))
                .thenRequest(1)
                .assertNext(p -> assertThat(p.items()).hasSize(1000))
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> assertThat(listing.requests).containsExactly(1000, 1000))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(listing.requests).containsExactly(1000, 1000);
    }

    @Test
    void items_takeFive_fetchesOnePage() {
        FakeListing listing = new FakeListing(5000);
        StepVerifier.create(items(Pager.pages(null, Limits.DEFAULT, listing)).take(5))
                .expectNext(0, 1, 2, 3, 4)
                .verifyComplete();
        assertThat(listing.requests).containsExactly(1000);
    }

    @Test
    void items_demandEndsOnPageBoundary_doesNotFetchNextPage() {
        FakeListing listing = new FakeListing(5000);
        StepVerifier.create(items(Pager.pages(null, Limits.DEFAULT.withPageSize(10), listing)), 0)
                .thenRequest(10)
                .expectNextCount(10)
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> assertThat(listing.requests).containsExactly(10))
                .thenRequest(1)
                .expectNext(10)
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> assertThat(listing.requests).containsExactly(10, 10))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(listing.requests).containsExactly(10, 10);
    }

    @Test
    void pages_limitBelowPageSize_asksOnlyForTheLimit() {
        FakeListing listing = new FakeListing(5000);
        StepVerifier.create(items(Pager.pages(null, new Limits(5, 1000), listing)))
                .expectNext(0, 1, 2, 3, 4)
                .verifyComplete();
        assertThat(listing.requests).containsExactly(5);
    }

    @Test
    void pages_limitAcrossPages_shrinksLastRequest() {
        FakeListing listing = new FakeListing(5000);
        StepVerifier.create(items(Pager.pages(null, new Limits(2500, 1000), listing)))
                .expectNextCount(2500)
                .verifyComplete();
        assertThat(listing.requests).containsExactly(1000, 1000, 500);
    }

    @Test
    void pages_limitAboveTotal_endsWithListing() {
        FakeListing listing = new FakeListing(25);
        StepVerifier.create(Pager.pages(null, new Limits(100, 10), listing))
                .expectNextCount(3)
                .verifyComplete();
        assertThat(listing.requests).containsExactly(10, 10, 10);
    }

    @Test
    void pages_storeIgnoresMaxItems_trimsToLimit() {
        Pager.PageFetcher<Integer, Integer> ignoresMax = (cursor, max) ->
                Mono.just(new Fetched<>(IntStream.range(0, 1000).boxed().toList(), List.of(), 1000));
        StepVerifier.create(items(Pager.pages(null, new Limits(3, 1000), ignoresMax)))
                .expectNext(0, 1, 2)
                .verifyComplete();
    }

    @Test
    void pages_limitZero_emitsNothingAndSendsNothing() {
        FakeListing listing = new FakeListing(10);
        StepVerifier.create(Pager.pages(null, new Limits(0, 1000), listing)).verifyComplete();
        assertThat(listing.requests).isEmpty();
    }

    @Test
    void pages_emptyListing_emitsOneEmptyPage() {
        FakeListing listing = new FakeListing(0);
        StepVerifier.create(Pager.pages(null, Limits.DEFAULT, listing))
                .assertNext(p -> assertThat(p.items()).isEmpty())
                .verifyComplete();
        assertThat(listing.requests).hasSize(1);
    }

    @Test
    void pages_resubscribed_startsAgain() {
        FakeListing listing = new FakeListing(15);
        Flux<Page<Integer>> pages = Pager.pages(null, new Limits(Long.MAX_VALUE, 10), listing);
        StepVerifier.create(items(pages)).expectNextCount(15).verifyComplete();
        StepVerifier.create(items(pages)).expectNextCount(15).verifyComplete();
        assertThat(listing.requests).containsExactly(10, 10, 10, 10);
    }

    @Test
    void pages_storeRepeatsCursor_failsInsteadOfLooping() {
        Pager.PageFetcher<String, Integer> stuck = (cursor, max) ->
                Mono.just(new Fetched<>(List.of(1), List.of(), "same"));
        StepVerifier.create(Pager.pages(null, Limits.DEFAULT, stuck))
                .expectNextCount(1)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("same"))
                .verify(TIMEOUT);
    }

    @Test
    void pages_fetchFails_errorArrivesAndNothingMoreIsSent() {
        FakeListing listing = new FakeListing(5000);
        Pager.PageFetcher<Integer, Integer> failsSecond = (cursor, max) -> cursor == null
                ? listing.fetch(null, max) : Mono.error(new IllegalStateException("boom"));
        StepVerifier.create(Pager.pages(null, Limits.DEFAULT, failsSecond))
                .expectNextCount(1)
                .expectErrorMessage("boom")
                .verify(TIMEOUT);
    }

    @Test
    void pages_cancelledWhileFetching_cancelsTheRequestInFlight() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Pager.PageFetcher<String, Integer> hanging = (cursor, max) ->
                Mono.<Fetched<String, Integer>>never().doOnCancel(() -> cancelled.set(true));
        StepVerifier.create(Pager.pages(null, Limits.DEFAULT, hanging))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(100))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(cancelled).isTrue();
    }

    @Test
    void limits_outOfRange_throw() {
        assertThatThrownBy(() -> Limits.DEFAULT.withPageSize(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Limits.DEFAULT.withPageSize(1001)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Limits.DEFAULT.withLimit(-1)).isInstanceOf(InvalidInputException.class);
    }
}
