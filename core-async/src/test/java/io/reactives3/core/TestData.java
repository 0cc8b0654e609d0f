package io.reactives3.core;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** Test data and limits shared by the core-async tests. */
final class TestData {

    /** The longest any single StepVerifier in these tests may wait. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int MIB = 1024 * 1024;

    private TestData() {
    }

    /** {@code size} reproducible pseudo-random bytes (seeded by the size). */
    static byte[] bytes(int size) {
        byte[] data = new byte[size];
        new SplittableRandom(size).nextBytes(data);
        return data;
    }

    /** The remaining bytes of {@code buffers}, concatenated. */
    static byte[] concat(List<ByteBuffer> buffers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer b : buffers) {
            byte[] chunk = new byte[b.remaining()];
            b.duplicate().get(chunk);
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }
}
