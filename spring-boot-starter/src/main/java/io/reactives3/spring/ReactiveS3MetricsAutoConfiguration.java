package io.reactives3.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.transfer.S3TransferEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Binds {@link ReactiveS3Metrics} when Micrometer is on the class path and a {@link MeterRegistry} bean exists (the
 * one Actuator creates, or the application's own): the auto-configured client's SDK client gets its interceptor and
 * metric publisher (through the {@link S3AsyncClientCustomizer} it is), and the transfer engine's memory budget its
 * gauges, and the engine bean is wrapped to time its transfers. {@code reactive-s3.metrics.enabled=false} turns it off.
 */
@AutoConfiguration(before = ReactiveS3AutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, ReactiveS3Client.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "reactive-s3.metrics", name = "enabled", matchIfMissing = true)
public class ReactiveS3MetricsAutoConfiguration {

    /** Creates the configuration (by Spring). */
    public ReactiveS3MetricsAutoConfiguration() {
    }

    /** The meters, registered in the application's registry. */
    @Bean
    @ConditionalOnMissingBean
    public ReactiveS3Metrics reactiveS3Metrics(MeterRegistry registry) {
        return new ReactiveS3Metrics(registry);
    }

    /**
     * Wraps the {@link S3TransferEngine} bean (the starter's or the application's) with
     * {@link ReactiveS3Metrics#instrument} so its transfers are timed and counted.
     */
    @Bean
    public static BeanPostProcessor reactiveS3TransferMetrics(ObjectProvider<ReactiveS3Metrics> metrics) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof S3TransferEngine engine ? metrics.getObject().instrument(engine) : bean;
            }
        };
    }

    /** Binds the memory budget of the transfer engine bean (if any) once every singleton exists. */
    @Bean
    public SmartInitializingSingleton reactiveS3MemoryBudgetMetrics(ReactiveS3Metrics metrics,
                                                                   ObjectProvider<S3TransferEngine> engine) {
        return () -> engine.ifUnique(e -> metrics.bindMemoryBudget(e.settings().memoryBudget()));
    }
}
