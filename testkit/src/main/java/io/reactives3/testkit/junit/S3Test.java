package io.reactives3.testkit.junit;

import io.reactives3.testkit.Capability;
import io.reactives3.testkit.StoreKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test method once per selected S3 target ({@code [s3proxy]}, {@code [local-s3]},
 * {@code [ceph-rgw]}, {@code [minio]}, {@code [external]}, and {@code [s3mock]} when selected). An invocation is reported skipped, with the reason, when its target cannot
 * run here or lacks one of {@link #requires()}. Test methods may declare parameters of type
 * {@link io.reactives3.testkit.S3Target} and {@link io.reactives3.testkit.TestBucket} (a fresh bucket, removed after
 * the test with everything in it).
 *
 * <p>Targets are started once per test JVM, on first use, and stopped when the test run ends.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(S3TargetExtension.class)
public @interface S3Test {

    /** Capabilities the test needs; targets without all of them skip it. */
    Capability[] requires() default {};

    /** Restricts the test to these kinds (default: every selected kind). */
    StoreKind[] only() default {};
}
