package io.reactives3.transfer.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A count of items and the first {@link #SAMPLE} of them: what a directory or batch job keeps of its outcomes, so
 * that a job over millions of keys holds a bounded result. Thread-safe.
 */
final class Tally<T> {

    /** Items of each kind a job result keeps (the counts are exact). */
    static final int SAMPLE = 1000;

    private final List<T> sample = new ArrayList<>();
    private long count;

    synchronized void add(T item) {
        count++;
        if (sample.size() < SAMPLE) {
            sample.add(item);
        }
    }

    synchronized void addAll(List<T> items) {
        items.forEach(this::add);
    }

    synchronized long count() {
        return count;
    }

    synchronized List<T> sample() {
        return List.copyOf(sample);
    }
}
