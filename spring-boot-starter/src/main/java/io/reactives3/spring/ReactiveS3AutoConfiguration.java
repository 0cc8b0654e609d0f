package io.reactives3.spring;

import io.reactives3.core.OperationDecorator;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.ReactiveS3ClientBuilder;
import io.reactives3.resource.ReactiveS3;
import io.reactives3.transfer.MemoryBudget;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferSettings;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Auto-configures a {@link ReactiveS3Client}, an {@link S3TransferEngine} over it and a {@link ReactiveS3} over both,
 * from {@link ReactiveS3Properties} ({@code reactive-s3.*}). Each bean is created only when the application has
 * none of its type, so any of them can be replaced; each is closed when the context closes (the resource API first,
 * then the engine, then the client, as Spring destroys dependents first).
 *
 * <p>Credentials: an {@link AwsCredentialsProvider} bean if there is one, else the static keys of
 * {@code reactive-s3.credentials.*} when both are set, else the SDK's default chain.
 */
@AutoConfiguration
@ConditionalOnClass(ReactiveS3Client.class)
@EnableConfigurationProperties(ReactiveS3Properties.class)
public class ReactiveS3AutoConfiguration {

    /** Creates the configuration (by Spring). */
    public ReactiveS3AutoConfiguration() {
    }

    /**
     * The client, built from the properties, then the {@link S3AsyncClientCustomizer}s (on the SDK builder), the
     * {@link OperationDecorator} beans (around each S3 request, the first in order outermost) and the
     * {@link ReactiveS3ClientCustomizer}s (on the client builder), each in order.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ReactiveS3Client reactiveS3Client(ReactiveS3Properties properties,
                                             ObjectProvider<AwsCredentialsProvider> credentials,
                                             ObjectProvider<S3AsyncClientCustomizer> sdkCustomizers,
                                             ObjectProvider<OperationDecorator> decorators,
                                             ObjectProvider<ReactiveS3ClientCustomizer> customizers) {
        ReactiveS3ClientBuilder builder = ReactiveS3Client.builder();
        applyProperties(properties, builder);
        AwsCredentialsProvider provider = credentials.getIfUnique();
        if (provider != null) {
            builder.credentialsProvider(provider);
        }
        List<S3AsyncClientCustomizer> sdk = sdkCustomizers.orderedStream().toList();
        if (!sdk.isEmpty()) {
            builder.sdkCustomizer(b -> sdk.forEach(c -> c.customize(b)));
        }
        decorators.orderedStream().forEach(builder::addOperationDecorator);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /** The transfer engine over the client, with the {@code reactive-s3.transfer.*} settings. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public S3TransferEngine s3TransferEngine(ReactiveS3Client client, ReactiveS3Properties properties) {
        return S3TransferEngine.create(client, transferSettings(properties.getTransfer()));
    }

    /** The resource API over the client and the engine (closing it closes neither). */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ReactiveS3 reactiveS3(ReactiveS3Client client, S3TransferEngine engine) {
        return ReactiveS3.create(client, engine);
    }

    static void applyProperties(ReactiveS3Properties p, ReactiveS3ClientBuilder builder) {
        PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
        map.from(p.getProfile()).to(builder::profile);
        map.from(p.getEndpoint()).to(builder::endpoint);
        map.from(p.getRegion()).whenHasText().as(Region::of).to(builder::region);
        map.from(p.getPathStyle()).to(builder::pathStyle);
        map.from(p.getChecksumMode()).to(builder::checksumMode);
        map.from(p.getHttpTransport()).to(builder::httpTransport);
        map.from(p.getMaxConnections()).to(builder::maxConnections);
        map.from(p.getConnectionAcquireTimeout()).to(builder::connectionAcquireTimeout);
        map.from(p.getConnectionTimeout()).to(builder::connectionTimeout);
        map.from(p.getReadTimeout()).to(builder::readTimeout);
        map.from(p.getApiCallTimeout()).to(builder::apiCallTimeout);
        map.from(p.getApiCallAttemptTimeout()).to(builder::apiCallAttemptTimeout);
        map.from(p.getMaxAttempts()).to(builder::maxAttempts);
        ReactiveS3Properties.Credentials credentials = p.getCredentials();
        if (credentials.isStatic()) {
            builder.credentials(credentials.getAccessKeyId(), credentials.getSecretAccessKey());
        }
    }

    static TransferSettings transferSettings(ReactiveS3Properties.Transfer t) {
        TransferSettings.Builder b = TransferSettings.builder();
        PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
        map.from(t.getPartSize()).to(size -> b.partSize(size.toBytes()));
        map.from(t.getMultipartThreshold()).to(size -> b.multipartThreshold(size.toBytes()));
        map.from(t.getConcurrency()).to(b::concurrency);
        map.from(t.getMemoryBudget()).to(size -> b.memoryBudget(MemoryBudget.ofBytes(size.toBytes())));
        map.from(t.getFileConcurrency()).to(b::fileConcurrency);
        map.from(t.getDeleteConcurrency()).to(b::deleteConcurrency);
        map.from(t.getMaxPartAttempts()).to(b::maxPartAttempts);
        map.from(t.getRetryBackoff()).to(b::retryBackoff);
        map.from(t.getIntegrity()).to(b::integrity);
        map.from(t.getBackend()).to(b::backend);
        map.from(t.getProgressInterval()).to(b::progressInterval);
        map.from(t.getPartIdleTimeout()).to(b::partIdleTimeout);
        return b.build();
    }
}
