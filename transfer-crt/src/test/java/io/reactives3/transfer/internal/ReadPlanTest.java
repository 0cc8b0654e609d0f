package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.transfer.TransferSettings;
import org.junit.jupiter.api.Test;

/**
 * The part layouts a download tries for a multipart ETag: the engine's part size first, then the common tools' part
 * sizes, only those that give the ETag's part count for the object's size, each once.
 */
class ReadPlanTest {

    private static final long MIB = TransferSettings.MIB;

    @Test
    void candidatePartSizes_keepOnlySizesGivingThePartCount_engineSizeFirst() {
        // 9 MiB in 2 parts: 8 + 1 (the engine's and the AWS CLI's) or 5 + 4 (the Go and JS SDKs'); 15, 16 MiB give 1
        assertThat(ReadPlan.candidatePartSizes(9 * MIB, 2, 8 * MIB)).containsExactly(8 * MIB, 5 * MIB);
        assertThat(ReadPlan.candidatePartSizes(9 * MIB, 2, 6 * MIB)).containsExactly(6 * MIB, 8 * MIB, 5 * MIB);
        // 7 MiB in 2 parts: only 5 MiB gives 2
        assertThat(ReadPlan.candidatePartSizes(7 * MIB, 2, 8 * MIB)).containsExactly(5 * MIB);
        // 100 MiB in 7 parts: 15 and 16 MiB both give 7 parts, in different layouts
        assertThat(ReadPlan.candidatePartSizes(100 * MIB, 7, 8 * MIB)).containsExactly(16 * MIB, 15 * MIB);
        // no size gives 3 parts of 1 MiB
        assertThat(ReadPlan.candidatePartSizes(MIB, 3, 8 * MIB)).isEmpty();
    }

    @Test
    void candidatePartSizes_onePart_isTheObjectSizeOnce_andGrownSizesCount() {
        assertThat(ReadPlan.candidatePartSizes(3 * MIB, 1, 8 * MIB)).containsExactly(3 * MIB);
        // 100 GiB at 5 MiB would need 20,480 parts: grown to 11 MiB, 9,310 parts (8 MiB grows the same way)
        long size = 100L * 1024 * MIB;
        assertThat(ReadPlan.candidatePartSizes(size, 9_310, 5 * MIB)).containsExactly(11 * MIB);
    }
}
