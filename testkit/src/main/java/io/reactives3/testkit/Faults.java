package io.reactives3.testkit;

/** The faults currently injected by a target's recording proxy. Rules are checked in the order they were added. */
public interface Faults {

    /**
     * Starts injecting {@code fault}.
     *
     * @return a handle whose {@link AutoCloseable#close()} stops this fault (try-with-resources friendly)
     */
    Injected add(Fault fault);

    /** Stops every injected fault. */
    void clear();

    /** A fault being injected. */
    interface Injected extends AutoCloseable {
        /** How many exchanges this fault has been applied to so far. */
        int applied();

        /** Stops injecting this fault. */
        @Override
        void close();
    }
}
