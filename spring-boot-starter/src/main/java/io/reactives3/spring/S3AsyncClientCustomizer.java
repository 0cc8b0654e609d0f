package io.reactives3.spring;

import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * A bean that adjusts the SDK builder under the auto-configured client, after every other setting (execution
 * interceptors, metric publishers, a retry strategy). The starter's own metrics are one. To add to the override
 * configuration without dropping what is there, copy it:
 * {@code b.overrideConfiguration(b.overrideConfiguration().toBuilder().addExecutionInterceptor(i).build())}.
 */
@FunctionalInterface
public interface S3AsyncClientCustomizer {

    /** Adjusts {@code builder}; called once, while the client bean is built. */
    void customize(S3AsyncClientBuilder builder);
}
