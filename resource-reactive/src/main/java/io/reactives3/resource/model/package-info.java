/** Records the resource API emits besides the client's and the engine's: collection pages and janitor results. */
@NullMarked
package io.reactives3.resource.model;

import org.jspecify.annotations.NullMarked;
