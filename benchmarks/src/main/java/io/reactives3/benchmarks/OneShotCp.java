package io.reactives3.benchmarks;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferSettings;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.regions.Region;

/**
 * A one-shot copy as a whole process, the way a {@code cp} command runs the library: builds a client and an engine
 * with the defaults, moves one file up or one object down, closes both, exits. Stands in for the command-line
 * module's {@code cp} while that is not on main. Arguments:
 * {@code up|down <endpoint> <region> <accessKey> <secretKey> <profile> <file> <bucket> <key>};
 * {@code -Dbench.integrity=NONE} turns integrity checks off, {@code -Dbench.backend=REACTOR} (or {@code CRT}) chooses
 * the backend. Prints on standard error one line
 * {@code TIMING jvm_ms=.. build_client_ms=.. build_engine_ms=.. transfer_ms=.. close_engine_ms=.. close_client_ms=..
 * classes_built=.. classes_after_first=.. classes=..}: milliseconds from JVM start to {@code main}, and of each step
 * ({@code transfer_ms} is the first transfer in this JVM); classes loaded after building, after the first transfer
 * and at exit. {@code -Dbench.second=true} runs the transfer twice and adds {@code second_transfer_ms} (the
 * second transfer is then not in {@code transfer_ms}). {@code -Dbench.halt=true} ends with {@code Runtime.halt} (no
 * shutdown hooks), {@code -Dbench.listHooks=true} prints the registered shutdown hooks first (with
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED}), {@code -Dbench.crtResources=true} the CRT native resources
 * still alive after close.
 */
public final class OneShotCp {

    private OneShotCp() {
    }

    public static void main(String[] args) {
        long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        ReactiveS3Client client = ReactiveS3Client.builder().profile(StoreProfile.valueOf(args[5]))
                .endpoint(URI.create(args[1])).region(Region.of(args[2])).credentials(args[3], args[4])
                .pathStyle(true).build();
        long t1 = System.nanoTime();
        TransferSettings settings = TransferSettings.defaults();
        String integrity = System.getProperty("bench.integrity");
        if (integrity != null) {
            settings = settings.withIntegrity(IntegrityMode.valueOf(integrity));
        }
        String backend = System.getProperty("bench.backend");
        if (backend != null) {
            settings = settings.withBackend(io.reactives3.transfer.TransferBackend.valueOf(backend));
        }
        S3TransferEngine engine = S3TransferEngine.create(client, settings);
        long t2 = System.nanoTime();
        long classesBuilt = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        Path file = Path.of(args[6]);
        if (args[0].equals("up")) {
            engine.uploadFile(file, args[7], args[8]).result().block(Duration.ofMinutes(30));
        } else {
            engine.downloadFile(args[7], args[8], file).result().block(Duration.ofMinutes(30));
        }
        long t3 = System.nanoTime();
        double transferMillis = (t3 - t2) / 1e6;
        long classesAfterFirst = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        String second = "";
        if (Boolean.getBoolean("bench.second")) {
            long s0 = System.nanoTime();
            if (args[0].equals("up")) {
                engine.uploadFile(file, args[7], args[8]).result().block(Duration.ofMinutes(30));
            } else {
                engine.downloadFile(args[7], args[8], file).result().block(Duration.ofMinutes(30));
            }
            second = String.format(Locale.ROOT, " second_transfer_ms=%.1f", (System.nanoTime() - s0) / 1e6);
            t3 = System.nanoTime();
        }
        engine.close();
        long t4 = System.nanoTime();
        client.close();
        if (Boolean.getBoolean("bench.crtResources")) {
            listCrtResources();
        }
        long t5 = System.nanoTime();
        System.err.printf(Locale.ROOT, "TIMING jvm_ms=%d build_client_ms=%.1f build_engine_ms=%.1f transfer_ms=%.1f "
                        + "close_engine_ms=%.1f close_client_ms=%.1f classes_built=%d classes_after_first=%d classes=%d%s%n",
                jvm, (t1 - t0) / 1e6, (t2 - t1) / 1e6, transferMillis, (t4 - t3) / 1e6, (t5 - t4) / 1e6,
                classesBuilt, classesAfterFirst, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
                second);
        if (Boolean.getBoolean("bench.listHooks")) {
            listShutdownHooks();
        }
        if (Boolean.getBoolean("bench.halt")) {
            Runtime.getRuntime().halt(0); // skips the shutdown hooks: the exit's cost without them
        }
        System.exit(0);
    }

    /**
     * Prints, half a second after close, the CRT native resources still alive (with {@code -Daws.crt.debugnative=true},
     * else none are tracked): what the CRT's exit handler would wait for.
     */
    private static void listCrtResources() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        software.amazon.awssdk.crt.CrtResource.collectNativeResource(
                r -> System.err.println("CRTRES " + r.canonicalName));
    }

    /** Prints the JVM's registered shutdown hooks (needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}). */
    private static void listShutdownHooks() {
        try {
            Class<?> hooks = Class.forName("java.lang.ApplicationShutdownHooks");
            java.lang.reflect.Field field = hooks.getDeclaredField("hooks");
            field.setAccessible(true);
            synchronized (hooks) {
                for (Object hook : ((java.util.Map<?, ?>) field.get(null)).keySet()) {
                    Thread t = (Thread) hook;
                    System.err.println("HOOK " + t.getName() + " " + t.getClass().getName());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("HOOK (cannot list: " + e + ")");
        }
    }
}
