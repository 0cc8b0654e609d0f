package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ChecksumPolicy;
import io.reactives3.core.StoreProfile;
import io.reactives3.transfer.IntegrityMode;
import org.junit.jupiter.api.Test;

class UploadModeTest {

    @Test
    void auto_storesThatVerifyFlexibleChecksums_getCrc32() {
        for (StoreProfile profile : new StoreProfile[]{StoreProfile.AWS, StoreProfile.MINIO, StoreProfile.S3PROXY}) {
            assertThat(Uploads.uploadMode(IntegrityMode.AUTO, profile, ChecksumPolicy.WHEN_SUPPORTED))
                    .as(profile.name()).isEqualTo(IntegrityMode.CRC32);
        }
    }

    @Test
    void auto_storesThatIgnoreCrc32OrClientsThatSendNone_getMd5() {
        assertThat(Uploads.uploadMode(IntegrityMode.AUTO, StoreProfile.CEPH, ChecksumPolicy.WHEN_REQUIRED))
                .isEqualTo(IntegrityMode.MD5);
        assertThat(Uploads.uploadMode(IntegrityMode.AUTO, StoreProfile.GENERIC, ChecksumPolicy.WHEN_REQUIRED))
                .isEqualTo(IntegrityMode.MD5);
        // a GENERIC store that accepts flexible checksums may still ignore them (LocalS3 does)
        assertThat(Uploads.uploadMode(IntegrityMode.AUTO, StoreProfile.GENERIC, ChecksumPolicy.WHEN_SUPPORTED))
                .isEqualTo(IntegrityMode.MD5);
        // the user told the client not to send flexible checksums to this store
        assertThat(Uploads.uploadMode(IntegrityMode.AUTO, StoreProfile.S3PROXY, ChecksumPolicy.WHEN_REQUIRED))
                .isEqualTo(IntegrityMode.MD5);
    }

    @Test
    void explicitModes_areKeptAsGiven() {
        for (IntegrityMode mode : new IntegrityMode[]{IntegrityMode.MD5, IntegrityMode.CRC32, IntegrityMode.NONE}) {
            assertThat(Uploads.uploadMode(mode, StoreProfile.CEPH, ChecksumPolicy.WHEN_REQUIRED)).isEqualTo(mode);
            assertThat(Uploads.uploadMode(mode, StoreProfile.S3PROXY, ChecksumPolicy.WHEN_SUPPORTED))
                    .isEqualTo(mode);
        }
    }
}
