package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.transfer.TransferSettings;
import org.junit.jupiter.api.Test;

class PartPlanTest {

    private static final long MIB = TransferSettings.MIB;

    @Test
    void of_exactMultiple_cutsEqualParts() {
        PartPlan plan = PartPlan.of(15 * MIB, 5 * MIB);
        assertThat(plan.partCount()).isEqualTo(3);
        assertThat(plan.offset(3)).isEqualTo(10 * MIB);
        assertThat(plan.length(3)).isEqualTo(5 * MIB);
        assertThat(plan.last(3)).isEqualTo(15 * MIB - 1);
    }

    @Test
    void of_oneByteOverAMultiple_addsAOneBytePart() {
        PartPlan plan = PartPlan.of(10 * MIB + 1, 5 * MIB);
        assertThat(plan.partCount()).isEqualTo(3);
        assertThat(plan.length(3)).isEqualTo(1);
        assertThat(plan.offset(3)).isEqualTo(10 * MIB);
    }

    @Test
    void of_emptyObject_hasNoParts() {
        assertThat(PartPlan.of(0, 5 * MIB).partCount()).isZero();
    }

    @Test
    void of_objectNeedingMoreThan10000Parts_growsThePartSizeToWholeMebibytes() {
        long size = 100_000 * MIB; // 97.7 GiB at 5 MiB would be 20,000 parts
        PartPlan plan = PartPlan.of(size, 5 * MIB);
        assertThat(plan.partCount()).isLessThanOrEqualTo(10_000);
        assertThat(plan.partSize() % MIB).isZero();
        assertThat(plan.partSize()).isEqualTo(10 * MIB);
        assertThat(plan.offset(plan.partCount()) + plan.length(plan.partCount())).isEqualTo(size);
    }

    @Test
    void of_largestObject_fitsIn10000Parts() {
        PartPlan plan = PartPlan.of(PartPlan.MAX_OBJECT_SIZE, 5 * MIB);
        assertThat(plan.partCount()).isLessThanOrEqualTo(10_000);
        assertThat(plan.partSize()).isLessThanOrEqualTo(TransferSettings.MAX_PART_SIZE);
    }

    @Test
    void of_objectOver5TiB_isRejected() {
        assertThatThrownBy(() -> PartPlan.of(PartPlan.MAX_OBJECT_SIZE + 1, 5 * MIB))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("5 TiB");
    }

    @Test
    void length_partOutsideThePlan_isRejected() {
        assertThatThrownBy(() -> PartPlan.of(10 * MIB, 5 * MIB).length(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartPlan.of(10 * MIB, 5 * MIB).length(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multipart_atTheThreshold_isTrueAndJustBelowIsFalse() {
        assertThat(PartPlan.multipart(8 * MIB - 1, 8 * MIB)).isFalse();
        assertThat(PartPlan.multipart(8 * MIB, 8 * MIB)).isTrue();
        assertThat(PartPlan.multipart(8 * MIB + 1, 8 * MIB)).isTrue();
    }

    @Test
    void multipart_over5GiBWithAHugeThreshold_isStillTrue() {
        assertThat(PartPlan.multipart(TransferSettings.MAX_PART_SIZE + 1, Long.MAX_VALUE)).isTrue();
    }

    @Test
    void streamPartSize_doublesEvery1000PartsUpTo5GiB() {
        assertThat(PartPlan.streamPartSize(8 * MIB, 1)).isEqualTo(8 * MIB);
        assertThat(PartPlan.streamPartSize(8 * MIB, 1000)).isEqualTo(8 * MIB);
        assertThat(PartPlan.streamPartSize(8 * MIB, 1001)).isEqualTo(16 * MIB);
        assertThat(PartPlan.streamPartSize(8 * MIB, 4001)).isEqualTo(128 * MIB);
        assertThat(PartPlan.streamPartSize(1024 * MIB, 10_000)).isEqualTo(TransferSettings.MAX_PART_SIZE);
    }

    @Test
    void streamPartSize_10000PartsOf5MiBBase_holdAbout5TiB() {
        long total = 0;
        for (int n = 1; n <= 10_000; n++) {
            total += Math.min(PartPlan.streamPartSize(5 * MIB, n), Integer.MAX_VALUE - 8);
        }
        assertThat(total).isGreaterThan(4L * 1024 * 1024 * MIB);
    }
}
