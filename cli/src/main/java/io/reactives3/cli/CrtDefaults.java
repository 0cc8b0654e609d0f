package io.reactives3.cli;

import software.amazon.awssdk.crt.io.ClientBootstrap;
import software.amazon.awssdk.crt.io.EventLoopGroup;
import software.amazon.awssdk.crt.io.HostResolver;

/**
 * The CRT's process-wide default event loops, host resolver and bootstrap. Every CRT client the SDK builds shares
 * them and nothing releases them before exit, where the CRT's exit handler then waits up to a second for their
 * threads. A command about to exit, with every client closed, releases them first, so that a one-shot command that
 * used the CRT (a ranged download, a CRT upload) exits at once.
 *
 * <p>Only for a process that is ending: a thread building a CRT client at the same moment could be handed a default
 * that is being destroyed. That is why the engine itself does not do this when it closes.
 */
final class CrtDefaults {

    private CrtDefaults() {
    }

    /**
     * Releases the defaults if the CRT was used in this process (its event-loop threads exist), without loading the
     * CRT otherwise; returns whether it did.
     */
    static boolean releaseIfUsed() {
        boolean used = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("AwsEventLoop"));
        if (used) {
            ClientBootstrap.closeStaticDefault();
            HostResolver.closeStaticDefault();
            EventLoopGroup.closeStaticDefault();
        }
        return used;
    }
}
