/**
 * The toolkit's service-provider interface: the few pieces of the client that its own modules ({@code
 * transfer-crt}, {@code resource-reactive}) build on, so that they never reach into {@code internal} packages.
 *
 * <p>Exported for those modules, not meant for applications: names and signatures here may change in any release.
 * {@link io.reactives3.core.spi.Arguments} checks names the way every operation does,
 * {@link io.reactives3.core.spi.SdkRequests} maps the toolkit's options onto SDK requests,
 * {@link io.reactives3.core.spi.SdkErrors} turns SDK failures into the {@link io.reactives3.core.error} tree, and
 * {@link io.reactives3.core.spi.Pages} paginates by demand.
 */
@NullMarked
package io.reactives3.core.spi;

import org.jspecify.annotations.NullMarked;
