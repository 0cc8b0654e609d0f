package io.reactives3.testkit.internal;

import io.reactives3.testkit.Fault;
import io.reactives3.testkit.Faults;
import io.reactives3.testkit.RequestHead;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The thread-safe {@link Faults} of a {@link RecordingProxy}.
 *
 * <p>For each request head the rules are checked in the order they were added. A rule whose matcher accepts the
 * head first uses up its {@code skip} budget (the request is left alone by that rule, and later rules are checked),
 * then applies up to {@code times} times; an exhausted rule is passed over. The first rule that applies wins.
 * A matcher that throws counts as not matching.
 */
final class FaultRules implements Faults {

    private static final System.Logger LOGGER = System.getLogger(FaultRules.class.getName());

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    @Override
    public Injected add(Fault fault) {
        Rule rule = new Rule(Objects.requireNonNull(fault, "fault"));
        rules.add(rule);
        return rule;
    }

    @Override
    public void clear() {
        rules.clear();
    }

    /** The fault to apply to the request with {@code head}, counted as applied; or {@code null} for none. */
    Fault claim(RequestHead head) {
        for (Rule rule : rules) {
            if (rule.matches(head) && rule.tryApply()) {
                return rule.fault;
            }
        }
        return null;
    }

    /** One added fault with its skip and apply counters. */
    private final class Rule implements Injected {

        private final Fault fault;
        private int skipped;
        private int applied;

        Rule(Fault fault) {
            this.fault = fault;
        }

        boolean matches(RequestHead head) {
            try {
                return fault.matcher().test(head);
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.WARNING, "fault matcher failed on " + head + "; treated as no match", e);
                return false;
            }
        }

        synchronized boolean tryApply() {
            if (skipped < fault.skip()) {
                skipped++;
                return false;
            }
            if (fault.times() != -1 && applied >= fault.times()) {
                return false;
            }
            applied++;
            return true;
        }

        @Override
        public synchronized int applied() {
            return applied;
        }

        @Override
        public void close() {
            rules.remove(this);
        }
    }
}
