/**
 * The transfer engine: multipart uploads and downloads of files, directories and streams under one memory
 * budget, on the Reactor or the CRT backend.
 *
 * <p>Types are non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.reactives3.transfer;

import org.jspecify.annotations.NullMarked;
