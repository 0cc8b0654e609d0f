package io.reactives3.core.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Refuses every call of an SDK client once its owner is closed, before anything is sent, with
 * {@link ClientClosedException}: the SDK itself would fail it later with a transport error that blames the store.
 */
final class ClosedClientGuard implements ExecutionInterceptor {

    private final AtomicBoolean closed = new AtomicBoolean();

    /** From now on every call fails; {@code true} the first time only. */
    boolean close() {
        return closed.compareAndSet(false, true);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        if (closed.get()) {
            throw new ClientClosedException();
        }
    }

    /** A call on a closed client: the caller's mistake, not the store's. */
    static final class ClientClosedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ClientClosedException() {
            super("the client is closed");
        }
    }
}
