package io.reactives3.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.reactives3.transfer.MemoryBudget;
import io.reactives3.transfer.S3TransferEngine;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Micrometer meters for a {@code ReactiveS3Client}, fed through the SDK's public hooks (a {@link MetricPublisher}
 * and an {@link ExecutionInterceptor}, added by {@link #customize}) and, for the transfer engine, from its
 * {@link MemoryBudget}:
 * <ul>
 *   <li>{@value #REQUESTS} (timer): each S3 call, retries included, tagged {@code operation} (GetObject, ...),
 *       {@code outcome} (SUCCESS, REDIRECTION for 304, CLIENT_ERROR, SERVER_ERROR, UNKNOWN when no HTTP answer) and
 *       {@code status} (the last attempt's HTTP status, or NONE);</li>
 *   <li>{@value #RETRIES} (counter): attempts after the first, by {@code operation};</li>
 *   <li>{@value #REQUEST_BYTES} / {@value #RESPONSE_BYTES} (counters, bytes): bodies sent (each attempt's
 *       declared length) and received (counted as they arrive), by {@code operation};</li>
 *   <li>{@value #MULTIPART_UPLOADS_OPEN} (gauge): multipart uploads created and not yet completed or aborted through
 *       this client;</li>
 *   <li>{@value #CONNECTIONS_LEASED} / {@value #CONNECTIONS_PENDING} (gauges): the HTTP pool's connections in use and
 *       requests waiting for one, as the last finished call saw them, by {@code http.client};</li>
 *   <li>{@value #TRANSFERS} (timer) and {@value #TRANSFERS_ACTIVE} (gauge) of an {@linkplain #instrument instrumented}
 *       transfer engine: transfers run, by {@code kind} (upload, upload-file, download-file, download-stream, copy,
 *       upload-directory, download-directory, delete) and {@code outcome} (SUCCESS, ERROR, CANCELLED), and those
 *       running;</li>
 *   <li>{@value #MEMORY_CAPACITY}, {@value #MEMORY_IN_USE}, {@value #MEMORY_WAITING_BYTES} (gauges, bytes) and
 *       {@value #MEMORY_WAITING} (gauge, reservations waiting) of a bound {@link MemoryBudget}.</li>
 * </ul>
 * Each call is also logged at DEBUG on {@code io.reactives3.spring.requests}: operation, method, host and path,
 * status, attempts and duration (no query string, headers or credentials). Nothing here blocks: meters are updated
 * on the SDK's threads with Micrometer's non-blocking counters.
 */
public final class ReactiveS3Metrics implements S3AsyncClientCustomizer {

    /** Timer of S3 calls. */
    public static final String REQUESTS = "reactive.s3.requests";
    /** Counter of retried attempts. */
    public static final String RETRIES = "reactive.s3.retries";
    /** Counter of request body bytes. */
    public static final String REQUEST_BYTES = "reactive.s3.request.bytes";
    /** Counter of response body bytes. */
    public static final String RESPONSE_BYTES = "reactive.s3.response.bytes";
    /** Gauge of open multipart uploads. */
    public static final String MULTIPART_UPLOADS_OPEN = "reactive.s3.multipart.uploads.open";
    /** Gauge of leased connections. */
    public static final String CONNECTIONS_LEASED = "reactive.s3.connections.leased";
    /** Gauge of requests waiting for a connection. */
    public static final String CONNECTIONS_PENDING = "reactive.s3.connections.pending";
    /** Timer of transfers run by an instrumented engine. */
    public static final String TRANSFERS = "reactive.s3.transfers";
    /** Gauge of transfers running in an instrumented engine. */
    public static final String TRANSFERS_ACTIVE = "reactive.s3.transfers.active";
    /** Gauge of the memory budget's capacity. */
    public static final String MEMORY_CAPACITY = "reactive.s3.transfer.memory.capacity";
    /** Gauge of the memory budget's reserved bytes. */
    public static final String MEMORY_IN_USE = "reactive.s3.transfer.memory.in.use";
    /** Gauge of reservations waiting for memory. */
    public static final String MEMORY_WAITING = "reactive.s3.transfer.memory.waiting";
    /** Gauge of the bytes waiting reservations ask for. */
    public static final String MEMORY_WAITING_BYTES = "reactive.s3.transfer.memory.waiting.bytes";

    private static final Logger REQUEST_LOG = LoggerFactory.getLogger("io.reactives3.spring.requests");
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("reactive-s3.started");
    private static final ExecutionAttribute<int[]> ATTEMPTS = new ExecutionAttribute<>("reactive-s3.attempts");

    private final MeterRegistry registry;
    private final AtomicLong multipartOpen = new AtomicLong();
    private final Map<String, AtomicLong> leased = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Interceptor interceptor = new Interceptor();
    private final CallPublisher publisher = new CallPublisher();

    /** Meters registered in {@code registry}; the multipart gauge at once, the others as calls happen. */
    public ReactiveS3Metrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Gauge.builder(MULTIPART_UPLOADS_OPEN, multipartOpen, AtomicLong::get)
                .description("Multipart uploads created and not yet completed or aborted").register(registry);
    }

    /** Adds this instance's interceptor and metric publisher to the SDK builder, keeping what is configured. */
    @Override
    public void customize(S3AsyncClientBuilder builder) {
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(interceptor)
                .addMetricPublisher(publisher)
                .build());
    }

    /** The interceptor counting bytes, multipart uploads and logging calls (for an SDK client built by hand). */
    public ExecutionInterceptor interceptor() {
        return interceptor;
    }

    /** The publisher timing calls and reading the pool (for an SDK client built by hand). */
    public MetricPublisher metricPublisher() {
        return publisher;
    }

    /**
     * An engine that delegates every call to {@code engine} and times its transfers; closing it closes
     * {@code engine}. The starter wraps its transfer engine bean this way.
     */
    public S3TransferEngine instrument(S3TransferEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return engine instanceof MeteredTransferEngine ? engine : new MeteredTransferEngine(engine, registry);
    }

    /** Registers the gauges of {@code budget} (held weakly, as Micrometer holds gauge objects). */
    public void bindMemoryBudget(MemoryBudget budget) {
        Objects.requireNonNull(budget, "budget");
        Gauge.builder(MEMORY_CAPACITY, budget, MemoryBudget::capacity).baseUnit("bytes")
                .description("Bytes the transfer engine's memory budget holds").register(registry);
        Gauge.builder(MEMORY_IN_USE, budget, MemoryBudget::inUse).baseUnit("bytes")
                .description("Bytes reserved by transfers").register(registry);
        Gauge.builder(MEMORY_WAITING, budget, MemoryBudget::waiting)
                .description("Reservations waiting for memory").register(registry);
        Gauge.builder(MEMORY_WAITING_BYTES, budget, MemoryBudget::waitingBytes).baseUnit("bytes")
                .description("Bytes asked for by waiting reservations").register(registry);
    }

    private static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name != null ? name : "unknown";
    }

    private static String outcome(boolean successful, int status) {
        if (successful) {
            return "SUCCESS";
        }
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        if (status >= 300) {
            return "REDIRECTION";
        }
        return "UNKNOWN";
    }

    private static <T> Optional<T> last(List<T> values) {
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(values.size() - 1));
    }

    private final class CallPublisher implements MetricPublisher {

        @Override
        public void publish(MetricCollection call) {
            String operation = last(call.metricValues(CoreMetric.OPERATION_NAME)).orElse("unknown");
            boolean successful = last(call.metricValues(CoreMetric.API_CALL_SUCCESSFUL)).orElse(false);
            List<MetricCollection> attempts = call.childrenWithName("ApiCallAttempt").toList();
            int status = attempts.isEmpty() ? 0
                    : last(attempts.get(attempts.size() - 1).metricValues(HttpMetric.HTTP_STATUS_CODE)).orElse(0);
            Duration duration = last(call.metricValues(CoreMetric.API_CALL_DURATION)).orElse(Duration.ZERO);
            Timer.builder(REQUESTS).description("S3 calls, retries included")
                    .tags(Tags.of("operation", operation, "outcome", outcome(successful, status),
                            "status", status == 0 ? "NONE" : Integer.toString(status)))
                    .register(registry).record(duration);
            int retries = last(call.metricValues(CoreMetric.RETRY_COUNT)).orElse(Math.max(0, attempts.size() - 1));
            if (retries > 0) {
                Counter.builder(RETRIES).description("Attempts after the first").tag("operation", operation)
                        .register(registry).increment(retries);
            }
            attempts.stream().flatMap(a -> a.childrenWithName("HttpClient")).reduce((a, b) -> b).ifPresent(http -> {
                String client = last(http.metricValues(HttpMetric.HTTP_CLIENT_NAME)).orElse("unknown");
                last(http.metricValues(HttpMetric.LEASED_CONCURRENCY))
                        .ifPresent(v -> gauge(leased, CONNECTIONS_LEASED, client).set(v));
                last(http.metricValues(HttpMetric.PENDING_CONCURRENCY_ACQUIRES))
                        .ifPresent(v -> gauge(pending, CONNECTIONS_PENDING, client).set(v));
            });
        }

        private AtomicLong gauge(Map<String, AtomicLong> values, String name, String client) {
            return values.computeIfAbsent(client, c -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder(name, value, AtomicLong::get).tag("http.client", c).register(registry);
                return value;
            });
        }

        @Override
        public void close() {
        }
    }

    private final class Interceptor implements ExecutionInterceptor {

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            attributes.putAttribute(STARTED, System.nanoTime());
            attributes.putAttribute(ATTEMPTS, new int[1]);
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            int[] attempts = attributes.getAttribute(ATTEMPTS);
            if (attempts != null) {
                attempts[0]++;
            }
            SdkHttpRequest request = context.httpRequest();
            long bytes = request.firstMatchingHeader("x-amz-decoded-content-length")
                    .or(() -> request.firstMatchingHeader("Content-Length"))
                    .map(ReactiveS3Metrics::parseLong).orElse(0L);
            if (bytes > 0) {
                Counter.builder(REQUEST_BYTES).baseUnit("bytes").description("Request body bytes sent")
                        .tag("operation", operation(attributes)).register(registry).increment(bytes);
            }
        }

        @Override
        public Optional<org.reactivestreams.Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(
                Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            Optional<org.reactivestreams.Publisher<ByteBuffer>> body = context.responsePublisher();
            if (body.isEmpty()) {
                return body;
            }
            Counter counter = Counter.builder(RESPONSE_BYTES).baseUnit("bytes")
                    .description("Response body bytes received").tag("operation", operation(attributes))
                    .register(registry);
            org.reactivestreams.Publisher<ByteBuffer> source = body.get();
            return Optional.of(subscriber -> source.subscribe(new CountingSubscriber(subscriber, counter)));
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            String operation = operation(attributes);
            if ("CreateMultipartUpload".equals(operation)) {
                multipartOpen.incrementAndGet();
            } else if ("CompleteMultipartUpload".equals(operation) || "AbortMultipartUpload".equals(operation)) {
                multipartOpen.updateAndGet(n -> Math.max(0, n - 1));
            }
            log(operation, context.httpRequest(), context.httpResponse().statusCode(), attributes, null);
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            String operation = operation(attributes);
            if ("AbortMultipartUpload".equals(operation)
                    && context.httpResponse().map(r -> r.statusCode() == 404).orElse(false)) {
                multipartOpen.updateAndGet(n -> Math.max(0, n - 1)); // already gone: no longer open either
            }
            log(operation, context.httpRequest().orElse(null),
                    context.httpResponse().map(r -> r.statusCode()).orElse(0), attributes, context.exception());
        }

        private void log(String operation, SdkHttpRequest request, int status, ExecutionAttributes attributes,
                         Throwable error) {
            if (!REQUEST_LOG.isDebugEnabled()) {
                return;
            }
            Long started = attributes.getAttribute(STARTED);
            int[] attempts = attributes.getAttribute(ATTEMPTS);
            long millis = started == null ? -1 : (System.nanoTime() - started) / 1_000_000;
            String target = request == null ? "-" : request.method() + " " + request.host() + request.encodedPath();
            if (error == null) {
                REQUEST_LOG.debug("{} {} -> {} in {} ms, {} attempt(s)", operation, target, status, millis,
                        attempts == null ? 0 : attempts[0]);
            } else {
                REQUEST_LOG.debug("{} {} -> {} failed in {} ms, {} attempt(s): {}", operation, target,
                        status == 0 ? "no answer" : status, millis, attempts == null ? 0 : attempts[0],
                        error.getClass().getSimpleName());
            }
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Passes every signal through, counting the bytes of each buffer before handing it on. */
    private static final class CountingSubscriber implements Subscriber<ByteBuffer> {

        private final Subscriber<? super ByteBuffer> downstream;
        private final Counter counter;

        CountingSubscriber(Subscriber<? super ByteBuffer> downstream, Counter counter) {
            this.downstream = downstream;
            this.counter = counter;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            downstream.onSubscribe(subscription);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            counter.increment(buffer.remaining());
            downstream.onNext(buffer);
        }

        @Override
        public void onError(Throwable error) {
            downstream.onError(error);
        }

        @Override
        public void onComplete() {
            downstream.onComplete();
        }
    }
}
