/**
 * The JUnit 5 extension that starts the test servers and injects clients per target.
 *
 * <p>Types are non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.reactives3.testkit.junit;

import org.jspecify.annotations.NullMarked;
