package io.reactives3.spring;

import io.reactives3.core.ReactiveS3Client;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link ReactiveS3HealthIndicator} as the {@code reactiveS3} health contributor when Spring Boot Actuator
 * is on the class path and a {@link ReactiveS3Client} bean exists; {@code management.health.reactive-s3.enabled=false}
 * turns it off.
 */
@AutoConfiguration(after = ReactiveS3AutoConfiguration.class)
@ConditionalOnClass({ReactiveHealthIndicator.class, ReactiveS3Client.class})
@ConditionalOnBean(ReactiveS3Client.class)
@ConditionalOnProperty(prefix = "management.health.reactive-s3", name = "enabled", matchIfMissing = true)
public class ReactiveS3HealthAutoConfiguration {

    /** Creates the configuration (by Spring). */
    public ReactiveS3HealthAutoConfiguration() {
    }

    /** The health indicator probing the client's store. */
    @Bean
    @ConditionalOnMissingBean(name = "reactiveS3HealthIndicator")
    public ReactiveS3HealthIndicator reactiveS3HealthIndicator(ReactiveS3Client client,
                                                               ReactiveS3Properties properties) {
        return new ReactiveS3HealthIndicator(client, properties.getHealth().getBucket(),
                properties.getHealth().getTimeout());
    }
}
