package io.reactives3.testkit.junit;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetUnavailableException;
import java.util.EnumMap;
import java.util.Map;

/**
 * One target per kind per JVM, started on first use and stopped at JVM exit (JUnit runs all test classes of a
 * module in one JVM, so every class shares them). A kind that failed to start is remembered and not retried.
 */
final class SharedTargets {

    private static final Map<StoreKind, Outcome> OUTCOMES = new EnumMap<>(StoreKind.class);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedTargets::closeAll, "reactive-s3-testkit-shutdown"));
    }

    private SharedTargets() {
    }

    /** The outcome of starting {@code kind}: a running target, or why it is unavailable or broken. */
    static synchronized Outcome get(StoreKind kind) {
        return OUTCOMES.computeIfAbsent(kind, SharedTargets::startOutcome);
    }

    private static Outcome startOutcome(StoreKind kind) {
        try {
            return new Outcome(S3Targets.start(kind), null);
        } catch (TargetUnavailableException e) {
            return new Outcome(null, e);
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }

    private static synchronized void closeAll() {
        OUTCOMES.values().forEach(outcome -> {
            if (outcome.target() != null) {
                outcome.target().close();
            }
        });
        OUTCOMES.clear();
    }

    /** Exactly one of {@code target} and {@code failure} is set. */
    record Outcome(S3Target target, RuntimeException failure) {
        boolean unavailable() {
            return failure instanceof TargetUnavailableException;
        }
    }
}
