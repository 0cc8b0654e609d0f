package io.reactives3.transfer;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import java.time.Duration;

/** Polls the store for unfinished multipart uploads (aborts land asynchronously after a cancel). */
final class Cancellation {

    private Cancellation() {
    }

    /** Unfinished uploads in the bucket after waiting up to 5 s for them to go away. */
    static int uploadsLeft(S3Target target, TestBucket bucket) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int left;
        do {
            left = target.fixtureClient().listMultipartUploads(b -> b.bucket(bucket.name())).uploads().size();
            if (left == 0) {
                return 0;
            }
            FileTransfersTest.sleep(100);
        } while (System.nanoTime() < deadline);
        return left;
    }
}
