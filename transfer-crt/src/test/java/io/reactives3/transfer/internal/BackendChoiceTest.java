package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.StoreProfile;
import io.reactives3.transfer.TransferBackend;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {

    @Test
    void resolve_autoOnIncompatibleProfiles_isTheReactorEngineWithTheReason() {
        BackendChoice choice = BackendChoice.resolve(TransferBackend.AUTO, StoreProfile.S3PROXY);
        assertThat(choice.upload()).isEqualTo(TransferBackend.REACTOR);
        assertThat(choice.download()).isEqualTo(TransferBackend.REACTOR);
        assertThat(choice.warn()).isFalse();
        assertThat(choice.message())
                .isEqualTo("S3PROXY profile: CRT multipart is incompatible (quirk 1), using the Reactor engine");
        assertThat(BackendChoice.resolve(TransferBackend.AUTO, StoreProfile.GENERIC).upload())
                .isEqualTo(TransferBackend.REACTOR);
    }

    @Test
    void resolve_autoOnCompatibleProfiles_uploadsThroughCrtDownloadsThroughReactor() {
        for (StoreProfile profile : new StoreProfile[]{StoreProfile.AWS, StoreProfile.MINIO, StoreProfile.CEPH}) {
            BackendChoice choice = BackendChoice.resolve(TransferBackend.AUTO, profile);
            assertThat(choice.upload()).isEqualTo(TransferBackend.CRT);
            assertThat(choice.download()).isEqualTo(TransferBackend.REACTOR);
            assertThat(choice.warn()).isFalse();
            assertThat(choice.message()).contains(profile.name(), "CRT S3 client");
        }
    }

    @Test
    void resolve_explicitCrtOnAnIncompatibleProfile_isHonouredWithAWarning() {
        BackendChoice choice = BackendChoice.resolve(TransferBackend.CRT, StoreProfile.S3PROXY);
        assertThat(choice.upload()).isEqualTo(TransferBackend.CRT);
        assertThat(choice.download()).isEqualTo(TransferBackend.CRT);
        assertThat(choice.warn()).isTrue();
        assertThat(choice.message()).contains("S3PROXY", "quirk 1", "honouring");
    }

    @Test
    void resolve_explicitReactor_isAlwaysTheReactorEngine() {
        for (StoreProfile profile : StoreProfile.values()) {
            assertThat(BackendChoice.resolve(TransferBackend.REACTOR, profile).upload())
                    .isEqualTo(TransferBackend.REACTOR);
            assertThat(BackendChoice.resolve(TransferBackend.REACTOR, profile).download())
                    .isEqualTo(TransferBackend.REACTOR);
        }
    }

    @Test
    void crtUnavailable_fallsBackLoudly() {
        BackendChoice choice = BackendChoice.crtUnavailable(new UnsatisfiedLinkError("no aws-crt for this platform"));
        assertThat(choice.upload()).isEqualTo(TransferBackend.REACTOR);
        assertThat(choice.needsCrt()).isFalse();
        assertThat(choice.warn()).isTrue();
        assertThat(choice.message()).contains("no aws-crt for this platform", "falling back");
    }

    @Test
    void resolve_autoWithABudgetBelowTheCrtMinimum_isTheReactorEngine_explicitCrtWarns() {
        long small = BackendChoice.CRT_MIN_MEMORY - 1;
        BackendChoice auto = BackendChoice.resolve(TransferBackend.AUTO, StoreProfile.CEPH, small);
        assertThat(auto.upload()).isEqualTo(TransferBackend.REACTOR);
        assertThat(auto.needsCrt()).isFalse();
        assertThat(auto.message()).contains("below the CRT S3 client's smallest native memory limit", "Reactor");
        BackendChoice crt = BackendChoice.resolve(TransferBackend.CRT, StoreProfile.CEPH, small);
        assertThat(crt.upload()).isEqualTo(TransferBackend.CRT);
        assertThat(crt.warn()).isTrue();
        assertThat(crt.message()).contains("1 GiB of native memory besides the budget");
        assertThat(BackendChoice.resolve(TransferBackend.AUTO, StoreProfile.CEPH, BackendChoice.CRT_MIN_MEMORY))
                .isEqualTo(BackendChoice.resolve(TransferBackend.AUTO, StoreProfile.CEPH));
    }
}
