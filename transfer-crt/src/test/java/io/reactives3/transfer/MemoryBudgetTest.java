package io.reactives3.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.error.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class MemoryBudgetTest {

    @Test
    void reserve_waitsInArrivalOrder_evenWhenALaterRequestWouldFit() {
        MemoryBudget budget = MemoryBudget.ofBytes(100);
        MemoryBudget.Reservation first = budget.reserve(60).block(Duration.ofSeconds(1));
        List<String> granted = new ArrayList<>();
        List<MemoryBudget.Reservation> held = new ArrayList<>();
        budget.reserve(50).subscribe(r -> {
            granted.add("50");
            held.add(r);
        });
        budget.reserve(10).subscribe(r -> {
            granted.add("10");
            held.add(r);
        });
        assertThat(granted).isEmpty();
        assertThat(budget.waiting()).isEqualTo(2);
        assertThat(budget.waitingBytes()).isEqualTo(60);
        first.release();
        assertThat(granted).containsExactly("50", "10");
        assertThat(budget.inUse()).isEqualTo(60);
        held.forEach(MemoryBudget.Reservation::release);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void reserve_cancelledWhileWaiting_leavesTheQueueAndLetsTheNextIn() {
        MemoryBudget budget = MemoryBudget.ofBytes(100);
        MemoryBudget.Reservation first = budget.reserve(100).block(Duration.ofSeconds(1));
        Disposable waiting = budget.reserve(100).subscribe();
        List<MemoryBudget.Reservation> next = new ArrayList<>();
        budget.reserve(40).subscribe(next::add);
        waiting.dispose();
        assertThat(budget.waiting()).isEqualTo(1);
        first.release();
        assertThat(next).hasSize(1);
        assertThat(budget.inUse()).isEqualTo(40);
    }

    @Test
    void reserve_moreThanTheCapacity_failsAtOnceNamingTheSettings() {
        StepVerifier.create(MemoryBudget.ofBytes(100).reserve(101))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("TransferSettings.memoryBudget"))
                .verify(Duration.ofSeconds(1));
    }

    @Test
    void reserve_isColdAndNothingIsTakenBeforeSubscription() {
        MemoryBudget budget = MemoryBudget.ofBytes(100);
        budget.reserve(100);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void release_twice_givesBackOnce_andShrinkGivesBackTheSurplus() {
        MemoryBudget budget = MemoryBudget.ofBytes(100);
        MemoryBudget.Reservation r = budget.reserve(80).block(Duration.ofSeconds(1));
        r.shrinkTo(30);
        assertThat(budget.inUse()).isEqualTo(30);
        r.release();
        r.release();
        assertThat(budget.inUse()).isZero();
        assertThat(r.bytes()).isZero();
    }

    @Test
    void ofBytes_zero_isRefused() {
        assertThatThrownBy(() -> MemoryBudget.ofBytes(0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void jvmDefault_isAQuarterOfTheMaximumHeap() {
        assertThat(MemoryBudget.jvmDefault().capacity()).isEqualTo((long) (Runtime.getRuntime().maxMemory() * 0.25));
        assertThat(TransferSettings.defaults().memoryBudget()).isSameAs(MemoryBudget.jvmDefault());
    }

    @Test
    void reserveKeepingFree_waitsInItsOwnLine_andNeverHoldsUpAPlainReservationThatFits() {
        MemoryBudget budget = MemoryBudget.ofBytes(100);
        MemoryBudget.Reservation held = budget.reserve(50).block(Duration.ofSeconds(1));
        List<String> granted = new ArrayList<>();
        // 10 bytes leaving 50 free: does not fit while 50 are held
        budget.reserve(10, 50).subscribe(r -> granted.add("small"));
        // a plain 40 that fits is granted at once, though the small one waits
        budget.reserve(40).subscribe(r -> granted.add("plain"));
        assertThat(granted).containsExactly("plain");
        assertThat(budget.waiting()).isEqualTo(1);
        held.release();
        assertThat(granted).containsExactly("plain", "small");
        assertThat(budget.inUse()).isEqualTo(50);
    }

    @Test
    void reserveKeepingFree_neverTakesTheRoomTheLargestReservationNeeds() {
        MemoryBudget budget = MemoryBudget.ofBytes(100);
        budget.reserve(60).block(Duration.ofSeconds(1)).release();   // parts of 60 are asked for here
        List<MemoryBudget.Reservation> small = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            budget.reserve(10, 10).subscribe(small::add);
        }
        // only 40 may be held by them: 60 stay free for a part to be completed
        assertThat(small).hasSize(4);
        assertThat(budget.inUse()).isEqualTo(40);
    }

    @Test
    void tryReserve_grantsAtOnceOnlyWhileTheRoomToKeepFreeStaysFree() {
        MemoryBudget budget = MemoryBudget.ofBytes(100);
        MemoryBudget.Reservation a = budget.tryReserve(30, 50);
        assertThat(a).isNotNull();
        assertThat(budget.tryReserve(30, 50)).as("would leave 40 free, fewer than 50").isNull();
        assertThat(budget.inUse()).isEqualTo(30);
        MemoryBudget.Reservation b = budget.tryReserve(20, 50);
        assertThat(b).as("leaves exactly 50 free").isNotNull();
        assertThat(budget.waiting()).as("never waits").isZero();
        a.release();
        b.release();
        assertThat(budget.inUse()).isZero();
        assertThatThrownBy(() -> budget.tryReserve(-1, 0)).isInstanceOf(InvalidInputException.class);
    }
}
