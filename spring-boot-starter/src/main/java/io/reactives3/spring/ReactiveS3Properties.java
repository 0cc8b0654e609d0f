package io.reactives3.spring;

import io.reactives3.core.ChecksumPolicy;
import io.reactives3.core.HttpTransport;
import io.reactives3.core.StoreProfile;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.TransferBackend;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code reactive-s3.*} properties the starter builds its beans from. Every property is optional: an unset one
 * keeps the library's default (stated on each), so an empty configuration gives a client for AWS S3 with the SDK's
 * default credential and region chains.
 *
 * <pre>
 * reactive-s3.endpoint=http://127.0.0.1:9000
 * reactive-s3.region=us-east-1
 * reactive-s3.profile=minio
 * reactive-s3.credentials.access-key-id=...
 * reactive-s3.credentials.secret-access-key=...
 * reactive-s3.transfer.part-size=16MB
 * </pre>
 */
@ConfigurationProperties(prefix = "reactive-s3")
public class ReactiveS3Properties {

    /** The store's endpoint, e.g. http://127.0.0.1:9000. Default: AWS's regional endpoint. */
    private @Nullable URI endpoint;

    /**
     * The signing region, e.g. eu-west-1. Default: the SDK's region chain (AWS_REGION, aws.region, profile file,
     * instance metadata); us-east-1 when an endpoint is set and the chain finds none.
     */
    private @Nullable String region;

    /**
     * The kind of store: sets path-style addressing and checksum mode together. Default: aws without an endpoint,
     * generic with one.
     */
    private @Nullable StoreProfile profile;

    /** Path-style addressing (http://host/bucket/key). Default: the profile's choice. */
    private @Nullable Boolean pathStyle;

    /** When request checksums are computed and responses validated. Default: the profile's choice. */
    private @Nullable ChecksumPolicy checksumMode;

    /** The HTTP client under the SDK client. Default: netty. */
    private @Nullable HttpTransport httpTransport;

    /** Connection pool size, i.e. the most requests in flight at once. Default 64; 1..10000. */
    private @Nullable Integer maxConnections;

    /** How long a request waits for a pooled connection. Default 30s. */
    private @Nullable Duration connectionAcquireTimeout;

    /** TCP connect timeout. Default 5s. */
    private @Nullable Duration connectionTimeout;

    /** Longest silence while reading a response. Default 30s. */
    private @Nullable Duration readTimeout;

    /** Time limit for a whole call, retries included. Default: none. */
    private @Nullable Duration apiCallTimeout;

    /** Time limit for one attempt of a call. Default: none. */
    private @Nullable Duration apiCallAttemptTimeout;

    /** Attempts per call, the first included (SDK standard retries with backoff). Default 3; 1..20. */
    private @Nullable Integer maxAttempts;

    private final Credentials credentials = new Credentials();

    private final Transfer transfer = new Transfer();

    private final Health health = new Health();

    private final Metrics metrics = new Metrics();

    private final Observations observations = new Observations();

    /** @return the endpoint, or null for AWS */
    public @Nullable URI getEndpoint() {
        return endpoint;
    }

    /** @param endpoint the store's endpoint */
    public void setEndpoint(@Nullable URI endpoint) {
        this.endpoint = endpoint;
    }

    /** @return the region id, or null for the SDK's chain */
    public @Nullable String getRegion() {
        return region;
    }

    /** @param region the region id */
    public void setRegion(@Nullable String region) {
        this.region = region;
    }

    /** @return the store profile, or null for the default */
    public @Nullable StoreProfile getProfile() {
        return profile;
    }

    /** @param profile the store profile */
    public void setProfile(@Nullable StoreProfile profile) {
        this.profile = profile;
    }

    /** @return path-style addressing, or null for the profile's choice */
    public @Nullable Boolean getPathStyle() {
        return pathStyle;
    }

    /** @param pathStyle path-style addressing */
    public void setPathStyle(@Nullable Boolean pathStyle) {
        this.pathStyle = pathStyle;
    }

    /** @return the checksum mode, or null for the profile's choice */
    public @Nullable ChecksumPolicy getChecksumMode() {
        return checksumMode;
    }

    /** @param checksumMode the checksum mode */
    public void setChecksumMode(@Nullable ChecksumPolicy checksumMode) {
        this.checksumMode = checksumMode;
    }

    /** @return the HTTP transport, or null for the default */
    public @Nullable HttpTransport getHttpTransport() {
        return httpTransport;
    }

    /** @param httpTransport the HTTP transport */
    public void setHttpTransport(@Nullable HttpTransport httpTransport) {
        this.httpTransport = httpTransport;
    }

    /** @return the pool size, or null for the default */
    public @Nullable Integer getMaxConnections() {
        return maxConnections;
    }

    /** @param maxConnections the pool size */
    public void setMaxConnections(@Nullable Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** @return the connection acquire timeout, or null for the default */
    public @Nullable Duration getConnectionAcquireTimeout() {
        return connectionAcquireTimeout;
    }

    /** @param connectionAcquireTimeout the connection acquire timeout */
    public void setConnectionAcquireTimeout(@Nullable Duration connectionAcquireTimeout) {
        this.connectionAcquireTimeout = connectionAcquireTimeout;
    }

    /** @return the connect timeout, or null for the default */
    public @Nullable Duration getConnectionTimeout() {
        return connectionTimeout;
    }

    /** @param connectionTimeout the connect timeout */
    public void setConnectionTimeout(@Nullable Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    /** @return the read timeout, or null for the default */
    public @Nullable Duration getReadTimeout() {
        return readTimeout;
    }

    /** @param readTimeout the read timeout */
    public void setReadTimeout(@Nullable Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** @return the call timeout, or null for none */
    public @Nullable Duration getApiCallTimeout() {
        return apiCallTimeout;
    }

    /** @param apiCallTimeout the call timeout */
    public void setApiCallTimeout(@Nullable Duration apiCallTimeout) {
        this.apiCallTimeout = apiCallTimeout;
    }

    /** @return the attempt timeout, or null for none */
    public @Nullable Duration getApiCallAttemptTimeout() {
        return apiCallAttemptTimeout;
    }

    /** @param apiCallAttemptTimeout the attempt timeout */
    public void setApiCallAttemptTimeout(@Nullable Duration apiCallAttemptTimeout) {
        this.apiCallAttemptTimeout = apiCallAttemptTimeout;
    }

    /** @return the attempts per call, or null for the default */
    public @Nullable Integer getMaxAttempts() {
        return maxAttempts;
    }

    /** @param maxAttempts the attempts per call */
    public void setMaxAttempts(@Nullable Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** @return the credentials settings */
    public Credentials getCredentials() {
        return credentials;
    }

    /** @return the transfer engine settings */
    public Transfer getTransfer() {
        return transfer;
    }

    /** @return the health indicator settings */
    public Health getHealth() {
        return health;
    }

    /** @return the metrics settings */
    public Metrics getMetrics() {
        return metrics;
    }

    /** @return the observation settings */
    public Observations getObservations() {
        return observations;
    }

    /**
     * Static credentials. Used only when both keys are set (and no {@code AwsCredentialsProvider} bean exists);
     * otherwise the SDK's default chain (environment, system properties, profile file, container, instance).
     */
    public static class Credentials {

        /** Access key id. Default: none (the SDK's default chain). */
        private @Nullable String accessKeyId;

        /** Secret access key. Default: none (the SDK's default chain). */
        private @Nullable String secretAccessKey;

        /** @return the access key id */
        public @Nullable String getAccessKeyId() {
            return accessKeyId;
        }

        /** @param accessKeyId the access key id */
        public void setAccessKeyId(@Nullable String accessKeyId) {
            this.accessKeyId = accessKeyId;
        }

        /** @return the secret access key */
        public @Nullable String getSecretAccessKey() {
            return secretAccessKey;
        }

        /** @param secretAccessKey the secret access key */
        public void setSecretAccessKey(@Nullable String secretAccessKey) {
            this.secretAccessKey = secretAccessKey;
        }

        /** Whether both keys are set. */
        boolean isStatic() {
            return accessKeyId != null && !accessKeyId.isBlank() && secretAccessKey != null
                    && !secretAccessKey.isBlank();
        }

        /** Never shows the secret. */
        @Override
        public String toString() {
            return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=" + (secretAccessKey == null ? null : "****") + "]";
        }
    }

    /** Settings of the auto-configured {@code S3TransferEngine} (see {@code TransferSettings}). */
    public static class Transfer {

        /** Bytes per part of multipart uploads, copies and ranged downloads. Default 8MB; 5MB..5GB. */
        private @Nullable DataSize partSize;

        /** Objects of at least this size move in parts. Default 16MB; at least 5MB. */
        private @Nullable DataSize multipartThreshold;

        /** Parts in flight per transfer. Default 8; 1..256. */
        private @Nullable Integer concurrency;

        /**
         * Memory every transfer of the engine reserves its part buffers from. Default: a quarter of the heap
         * (-Xmx), shared by every engine of the JVM; it must hold one part.
         */
        private @Nullable DataSize memoryBudget;

        /** Files or keys in flight in directory jobs. Default 4; 1..64. */
        private @Nullable Integer fileConcurrency;

        /** DeleteObjects batches in flight. Default 4; 1..64. */
        private @Nullable Integer deleteConcurrency;

        /** Attempts per part, the first included. Default 4; 1..20. */
        private @Nullable Integer maxPartAttempts;

        /** First backoff between part attempts, doubled each time. Default 200ms. */
        private @Nullable Duration retryBackoff;

        /** End-to-end verification. Default md5. */
        private @Nullable IntegrityMode integrity;

        /** Machinery of file transfers. Default auto. */
        private @Nullable TransferBackend backend;

        /** Longest wait between two progress snapshots. Default 250ms. */
        private @Nullable Duration progressInterval;

        /** Longest silence of a download request before it is retried. Default 30s. */
        private @Nullable Duration partIdleTimeout;

        /** @return the part size */
        public @Nullable DataSize getPartSize() {
            return partSize;
        }

        /** @param partSize the part size */
        public void setPartSize(@Nullable DataSize partSize) {
            this.partSize = partSize;
        }

        /** @return the multipart threshold */
        public @Nullable DataSize getMultipartThreshold() {
            return multipartThreshold;
        }

        /** @param multipartThreshold the multipart threshold */
        public void setMultipartThreshold(@Nullable DataSize multipartThreshold) {
            this.multipartThreshold = multipartThreshold;
        }

        /** @return the parts in flight per transfer */
        public @Nullable Integer getConcurrency() {
            return concurrency;
        }

        /** @param concurrency the parts in flight per transfer */
        public void setConcurrency(@Nullable Integer concurrency) {
            this.concurrency = concurrency;
        }

        /** @return the memory budget */
        public @Nullable DataSize getMemoryBudget() {
            return memoryBudget;
        }

        /** @param memoryBudget the memory budget */
        public void setMemoryBudget(@Nullable DataSize memoryBudget) {
            this.memoryBudget = memoryBudget;
        }

        /** @return the files in flight */
        public @Nullable Integer getFileConcurrency() {
            return fileConcurrency;
        }

        /** @param fileConcurrency the files in flight */
        public void setFileConcurrency(@Nullable Integer fileConcurrency) {
            this.fileConcurrency = fileConcurrency;
        }

        /** @return the delete batches in flight */
        public @Nullable Integer getDeleteConcurrency() {
            return deleteConcurrency;
        }

        /** @param deleteConcurrency the delete batches in flight */
        public void setDeleteConcurrency(@Nullable Integer deleteConcurrency) {
            this.deleteConcurrency = deleteConcurrency;
        }

        /** @return the attempts per part */
        public @Nullable Integer getMaxPartAttempts() {
            return maxPartAttempts;
        }

        /** @param maxPartAttempts the attempts per part */
        public void setMaxPartAttempts(@Nullable Integer maxPartAttempts) {
            this.maxPartAttempts = maxPartAttempts;
        }

        /** @return the first retry backoff */
        public @Nullable Duration getRetryBackoff() {
            return retryBackoff;
        }

        /** @param retryBackoff the first retry backoff */
        public void setRetryBackoff(@Nullable Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
        }

        /** @return the integrity mode */
        public @Nullable IntegrityMode getIntegrity() {
            return integrity;
        }

        /** @param integrity the integrity mode */
        public void setIntegrity(@Nullable IntegrityMode integrity) {
            this.integrity = integrity;
        }

        /** @return the file transfer backend */
        public @Nullable TransferBackend getBackend() {
            return backend;
        }

        /** @param backend the file transfer backend */
        public void setBackend(@Nullable TransferBackend backend) {
            this.backend = backend;
        }

        /** @return the progress interval */
        public @Nullable Duration getProgressInterval() {
            return progressInterval;
        }

        /** @param progressInterval the progress interval */
        public void setProgressInterval(@Nullable Duration progressInterval) {
            this.progressInterval = progressInterval;
        }

        /** @return the part idle timeout */
        public @Nullable Duration getPartIdleTimeout() {
            return partIdleTimeout;
        }

        /** @param partIdleTimeout the part idle timeout */
        public void setPartIdleTimeout(@Nullable Duration partIdleTimeout) {
            this.partIdleTimeout = partIdleTimeout;
        }
    }

    /**
     * The health indicator (with Spring Boot Actuator; switch it off with
     * {@code management.health.reactive-s3.enabled=false}).
     */
    public static class Health {

        /** Bucket probed with HeadBucket. Default: none (ListBuckets is sent instead). */
        private @Nullable String bucket;

        /** Longest wait for the probe's answer before the store is reported down. Default 5s. */
        private Duration timeout = Duration.ofSeconds(5);

        /** @return the probed bucket, or null for ListBuckets */
        public @Nullable String getBucket() {
            return bucket;
        }

        /** @param bucket the probed bucket */
        public void setBucket(@Nullable String bucket) {
            this.bucket = bucket;
        }

        /** @return the probe's timeout */
        public Duration getTimeout() {
            return timeout;
        }

        /** @param timeout the probe's timeout */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Micrometer metrics (bound when a {@code MeterRegistry} bean exists). */
    public static class Metrics {

        /** Whether the client's requests and the engine's memory budget are measured. Default true. */
        private boolean enabled = true;

        /** @return whether metrics are on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether metrics are on */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Micrometer observations, one per S3 request (registered when an {@code ObservationRegistry} bean exists). */
    public static class Observations {

        /** Whether each S3 request of the client runs in a Micrometer Observation. Default true. */
        private boolean enabled = true;

        /** @return whether observations are on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether observations are on */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
