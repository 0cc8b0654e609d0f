package io.reactives3.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.util.ArrayList;
import java.util.List;

/** Copies between two different servers stream the bytes through rs3 (GETs on one, PUT/parts on the other). */
class CrossEndpointTest {

    @S3Test(only = StoreKind.S3PROXY)
    void cpRecursive_fromOneServerToAnother_streamsEveryObject(S3Target source, TestBucket from) {
        byte[] big = VerbsTest.bytes(7 * VerbsTest.MIB, 9);
        from.put("set/big.bin", big);
        from.put("set/small.txt", "small");
        try (S3Target other = S3Targets.start(StoreKind.LOCAL_S3); TestBucket to = TestBucket.create(other, "cli-x")) {
            List<String> args = new ArrayList<>(Cli.endpointFlags(source, "source-"));
            args.addAll(List.of("cp", "-r", "--multipart-threshold", "5MiB", "--part-size", "5MiB",
                    "s3://" + from.name() + "/set", "s3://" + to.name() + "/copied/"));
            List<String> all = new ArrayList<>(Cli.endpointFlags(other));
            all.addAll(args);
            Cli.Run run = Cli.run(all.toArray(String[]::new));
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(to.get("copied/big.bin")).isEqualTo(big);
            assertThat(to.get("copied/small.txt")).asString().isEqualTo("small");
            assertThat(source.requestLog().count(from.name(), "GetObject")).isPositive();
            assertThat(other.requestLog().count(to.name(), "UploadPart")).isEqualTo(2);

            List<String> sync = new ArrayList<>(Cli.endpointFlags(other));
            sync.addAll(Cli.endpointFlags(source, "source-"));
            sync.addAll(List.of("sync", "s3://" + from.name() + "/set", "s3://" + to.name() + "/copied/"));
            Cli.Run again = Cli.run(sync.toArray(String[]::new));
            assertThat(again.out()).as(again.toString()).contains("in sync");
        }
    }
}
