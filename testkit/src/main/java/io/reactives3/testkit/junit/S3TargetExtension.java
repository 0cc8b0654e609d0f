package io.reactives3.testkit.junit;

import io.reactives3.testkit.Capability;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Provides one invocation per selected target for {@link S3Test} methods. */
public final class S3TargetExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(S3Test.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        S3Test annotation = context.getRequiredTestMethod().getAnnotation(S3Test.class);
        Set<StoreKind> only = annotation.only().length == 0
                ? EnumSet.allOf(StoreKind.class) : EnumSet.copyOf(Arrays.asList(annotation.only()));
        Set<Capability> requires = annotation.requires().length == 0
                ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(Arrays.asList(annotation.requires()));
        List<StoreKind> kinds = S3Targets.selectedKinds().stream().filter(only::contains).toList();
        if (kinds.isEmpty()) {
            // reported skipped, with the reason, rather than silently absent
            return Stream.of(new NotSelected(only.stream().map(StoreKind::id).collect(Collectors.joining(", ")),
                    S3Targets.selectedKinds().stream().map(StoreKind::id).collect(Collectors.joining(", "))));
        }
        return kinds.stream().map(kind -> new TargetInvocation(kind, requires));
    }

    /** The one invocation of a test restricted to targets that are not selected in this run: skipped. */
    private record NotSelected(String only, String selected) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + only + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of((ExecutionCondition) context -> ConditionEvaluationResult.disabled(
                    "runs only on " + only + ", which this run did not select (selected: " + selected + ")"));
        }
    }

    /** One invocation of a test on one target. */
    private record TargetInvocation(StoreKind kind, Set<Capability> requires)
            implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.id() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new TargetBinding(kind, requires));
        }
    }

    /** Skips or fails the invocation when its target is unusable, and injects the target and a test bucket. */
    private record TargetBinding(StoreKind kind, Set<Capability> requires)
            implements ExecutionCondition, ParameterResolver, AfterEachCallback {
        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(TargetBinding.class);

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            SharedTargets.Outcome outcome = SharedTargets.get(kind);
            if (outcome.failure() != null) {
                boolean required = S3Targets.requiredKinds().contains(kind);
                if (outcome.unavailable() && !required) {
                    return ConditionEvaluationResult.disabled(outcome.failure().getMessage());
                }
                // a broken or required target must not hide behind a skip: the test runs and fails with the reason
                return ConditionEvaluationResult.enabled(kind.id() + " failed to start");
            }
            Set<Capability> missing = EnumSet.noneOf(Capability.class);
            missing.addAll(requires);
            missing.removeAll(outcome.target().capabilities());
            if (!missing.isEmpty()) {
                return ConditionEvaluationResult.disabled(kind.id() + " lacks "
                        + missing.stream().map(Enum::name).collect(Collectors.joining(", ")));
            }
            return ConditionEvaluationResult.enabled(kind.id() + " has what the test needs");
        }

        private S3Target target() {
            SharedTargets.Outcome outcome = SharedTargets.get(kind);
            if (outcome.failure() != null) {
                throw new IllegalStateException(kind.id() + " is required but failed: "
                        + outcome.failure().getMessage(), outcome.failure());
            }
            return outcome.target();
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == S3Target.class || type == TestBucket.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            if (type == S3Target.class) {
                return target();
            }
            if (type == TestBucket.class) {
                String prefix = context.getRequiredTestMethod().getName();
                TestBucket bucket = TestBucket.create(target(), prefix);
                context.getStore(NAMESPACE).put("bucket-" + parameter.getIndex(), bucket);
                return bucket;
            }
            throw new ParameterResolutionException("cannot resolve " + type);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            SharedTargets.Outcome outcome = SharedTargets.get(kind);
            if (outcome.target() != null && outcome.target().supports(Capability.FAULT_INJECTION)) {
                outcome.target().faults().clear();
            }
            ExtensionContext.Store store = context.getStore(NAMESPACE);
            for (int i = 0; i < context.getRequiredTestMethod().getParameterCount(); i++) {
                TestBucket bucket = store.remove("bucket-" + i, TestBucket.class);
                if (bucket != null) {
                    bucket.close();
                }
            }
        }
    }
}
