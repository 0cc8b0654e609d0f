package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void multipartETag_twoParts_isMd5OfConcatenatedBinaryMd5sWithCount() {
        // measured against S3Proxy, Ceph RGW: a 5 MiB + 1,000 byte upload; here the arithmetic on known values
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        byte[] b = "b".getBytes(StandardCharsets.UTF_8);
        byte[] md5a = Checksums.md5(a, 0, 1);
        byte[] md5b = Checksums.md5(b, 0, 1);
        byte[] concat = new byte[32];
        System.arraycopy(md5a, 0, concat, 0, 16);
        System.arraycopy(md5b, 0, concat, 16, 16);
        assertThat(Checksums.multipartETag(List.of(md5a, md5b)))
                .isEqualTo(Checksums.hex(Checksums.md5(concat, 0, 32)) + "-2");
        assertThat(Checksums.hex(md5a)).isEqualTo("0cc175b9c0f1b6a831c399e269772661");
    }

    @Test
    void crc32Base64_knownValue_matchesS3Encoding() {
        // CRC32("a") = 0xe8b7be43, big-endian bytes base64 -> 6Le+Qw==
        assertThat(Checksums.crc32Base64("a".getBytes(StandardCharsets.UTF_8), 0, 1)).isEqualTo("6Le+Qw==");
    }

    @Test
    void unquote_quotedAndWeakETags_loseQuotesAndPrefix() {
        assertThat(Checksums.unquote("\"abc\"")).isEqualTo("abc");
        assertThat(Checksums.unquote("W/\"abc\"")).isEqualTo("abc");
        assertThat(Checksums.unquote("abc")).isEqualTo("abc");
        assertThat(Checksums.unquote(null)).isNull();
    }

    @Test
    void isMd5ETag_distinguishesPlainFromMultipartAndOther() {
        assertThat(Checksums.isMd5ETag("d41d8cd98f00b204e9800998ecf8427e")).isTrue();
        assertThat(Checksums.isMd5ETag("\"d41d8cd98f00b204e9800998ecf8427e\"")).isTrue();
        assertThat(Checksums.isMd5ETag("d41d8cd98f00b204e9800998ecf8427e-2")).isFalse();
        assertThat(Checksums.isMd5ETag("xyz")).isFalse();
        assertThat(Checksums.isMd5ETag(null)).isFalse();
    }

    @Test
    void multipartPartCount_parsesOnlyWellFormedMultipartETags() {
        assertThat(Checksums.multipartPartCount("ed405c1d17b6fb21b8cccf8b91959cb7-2")).isEqualTo(2);
        assertThat(Checksums.multipartPartCount("\"ed405c1d17b6fb21b8cccf8b91959cb7-10000\"")).isEqualTo(10000);
        assertThat(Checksums.multipartPartCount("ed405c1d17b6fb21b8cccf8b91959cb7")).isEqualTo(-1);
        assertThat(Checksums.multipartPartCount("ed405c1d17b6fb21b8cccf8b91959cb7-0")).isEqualTo(-1);
        assertThat(Checksums.multipartPartCount("zz405c1d17b6fb21b8cccf8b91959cb7-3")).isEqualTo(-1);
        assertThat(Checksums.multipartPartCount("abc-3")).isEqualTo(-1);
    }
}
