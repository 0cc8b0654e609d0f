package io.reactives3.core.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets pass in every test JVM (and in the service-load JVM): the SDK keeps signing digests in a pool
 * behind a {@code LinkedBlockingDeque}, whose lock parks a thread for the nanoseconds another holds it. Under a
 * service's load (hundreds of requests signed at once) that shows up as a "blocking call" on whatever thread signs a
 * request; it waits for no I/O. Likewise the lock of a scheduler's delayed-work queue, taken when a timer (an
 * interval, a timeout) is cancelled while another thread schedules on the same worker: Reactor's own integration
 * allows its {@code offer} and {@code take}, not {@code remove}. And the SDK's close of its Netty client: a task on
 * Netty's global executor (a thread that serves no connection) waits there for the pool's idle channels to close;
 * stopped half-way, it left the SDK's close blocked for its 5 s timeout, and once in a while the next client's first
 * connection to a refused port was never reported (30 s acquire timeout instead of "Connection refused", cli
 * {@code ErrorsTest}). Everything else stays forbidden on Reactor, Netty and the engine's threads.
 * Registered in {@code META-INF/services} of core-async's test jar, which every module's tests use.
 */
public final class SdkDigestPoolIntegration implements BlockHoundIntegration {

    private static final String DIGESTS = "software.amazon.awssdk.checksums.internal.DigestAlgorithm";

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(DIGESTS, "getDigest")
                .allowBlockingCallsInside(DIGESTS + "$CloseableMessageDigest", "close")
                .allowBlockingCallsInside(DIGESTS + "$CloseableMessageDigest", "digest")
                .allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove")
                .allowBlockingCallsInside("io.netty.channel.pool.SimpleChannelPool", "close");
    }
}
