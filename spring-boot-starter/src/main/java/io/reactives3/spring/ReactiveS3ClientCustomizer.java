package io.reactives3.spring;

import io.reactives3.core.ReactiveS3ClientBuilder;

/**
 * A bean that adjusts the auto-configured client's builder after the {@code reactive-s3.*} properties were applied
 * (beans run in {@link org.springframework.core.annotation.Order} order). To reach the SDK builder, declare an
 * {@link S3AsyncClientCustomizer} instead: a call to {@link ReactiveS3ClientBuilder#sdkCustomizer} here replaces
 * those (the starter's metrics among them).
 */
@FunctionalInterface
public interface ReactiveS3ClientCustomizer {

    /** Adjusts {@code builder}; called once, on the thread that creates the client bean. */
    void customize(ReactiveS3ClientBuilder builder);
}
