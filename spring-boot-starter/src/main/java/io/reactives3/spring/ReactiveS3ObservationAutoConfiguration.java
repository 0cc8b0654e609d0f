package io.reactives3.spring;

import io.micrometer.observation.ObservationRegistry;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.spring.observation.ReactiveS3Observations;
import io.reactives3.spring.observation.S3OperationObservationConvention;
import io.reactives3.spring.observation.S3TransferObservationConvention;
import io.reactives3.transfer.S3TransferEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Declares {@link ReactiveS3Observations} when Micrometer's Observation API is on the class path and an
 * {@link ObservationRegistry} bean exists (the one Actuator creates, or the application's own): the auto-configured
 * client then runs each S3 request in an observation whose parent is the caller's (from the Reactor context), and
 * the {@link S3TransferEngine} bean (the starter's or the application's) each transfer, as the parent of its
 * requests. An application's own {@code ReactiveS3Observations} bean replaces this one, and
 * {@link S3OperationObservationConvention} and {@link S3TransferObservationConvention} beans replace the default
 * names and key values.
 * {@code reactive-s3.observations.enabled=false} turns it off.
 */
@AutoConfiguration(before = ReactiveS3AutoConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, ReactiveS3Client.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnProperty(prefix = "reactive-s3.observations", name = "enabled", matchIfMissing = true)
public class ReactiveS3ObservationAutoConfiguration {

    /** Creates the configuration (by Spring). */
    public ReactiveS3ObservationAutoConfiguration() {
    }

    /** The observations, in the application's registry, with its convention bean if it has one. */
    @Bean
    @ConditionalOnMissingBean
    public ReactiveS3Observations reactiveS3Observations(ObservationRegistry registry,
            ObjectProvider<S3OperationObservationConvention> convention) {
        return new ReactiveS3Observations(registry, convention.getIfUnique());
    }

    /**
     * Wraps the {@link S3TransferEngine} bean so that each transfer runs in an observation
     * ({@code s3.transfer} by default), the parent of the S3 requests it sends through the client.
     */
    @Bean
    public static BeanPostProcessor reactiveS3TransferObservations(ObjectProvider<ObservationRegistry> registry,
            ObjectProvider<S3TransferObservationConvention> convention) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof S3TransferEngine engine && !(engine instanceof ObservedTransferEngine)
                        ? new ObservedTransferEngine(engine, registry.getObject(), convention.getIfUnique()) : bean;
            }
        };
    }
}
