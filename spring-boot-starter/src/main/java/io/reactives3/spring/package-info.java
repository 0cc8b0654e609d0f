/**
 * Spring Boot auto-configuration for reactive-s3: {@link io.reactives3.spring.ReactiveS3AutoConfiguration} (client,
 * transfer engine, resource API from {@code reactive-s3.*} properties), the health indicator, and the customizer
 * beans an application declares to adjust the client.
 */
@NullMarked
package io.reactives3.spring;

import org.jspecify.annotations.NullMarked;
