package io.reactives3.transfer.internal;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.error.S3ToolkitException;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.model.DeleteError;
import io.reactives3.core.spi.SdkErrors;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.BatchDeleteResult;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * Batched deletes: DeleteObjects requests (quiet mode: only failures come back) of at most 1,000 keys, {@link TransferSettings#deleteConcurrency()} in
 * flight, the keys requested from their source only as batches can be sent (so memory holds at most
 * {@code (deleteConcurrency + 1) x 1,000} keys). Partial failure is data: the store's per-key errors, a key S3 would
 * reject (empty, over 1,024 bytes), and every key of a batch whose request failed after its retries (with that
 * error's code) are counted in the result, the first {@link Tally#SAMPLE} with key, code and message. Only a
 * missing bucket fails the whole job.
 */
final class BatchDeleter {

    /** The most keys one DeleteObjects request may name. */
    static final int BATCH = 1000;

    private final ReactiveS3Client client;
    private final TransferSettings settings;

    BatchDeleter(ReactiveS3Client client, TransferSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    private record Outcome(long deleted, List<DeleteError> errors, int requests) {
    }

    /** The job's totals, kept in linear time and bounded memory (the first {@link Tally#SAMPLE} errors). */
    private static final class Totals {
        long deleted;
        int requests;
        final Tally<DeleteError> errors = new Tally<>();

        synchronized void add(Outcome outcome) {
            deleted += outcome.deleted();
            requests += outcome.requests();
            errors.addAll(outcome.errors());
        }
    }

    Mono<BatchDeleteResult> delete(String bucket, Flux<KeyVersion> objects, TransferRun run) {
        return objects
                .buffer(BATCH)
                .doOnNext(batch -> run.expect(batch.size()))
                .doOnComplete(run::closeExpectation)
                .flatMap(batch -> deleteBatch(bucket, batch, run), settings.deleteConcurrency(), 1)
                .collect(Totals::new, Totals::add)
                .map(t -> new BatchDeleteResult(t.deleted, t.errors.count(), t.errors.sample(), t.requests));
    }

    /**
     * A DeleteObjects request in quiet mode: the store answers only the keys it failed to delete, not a {@code
     * Deleted} element per key (which nothing here reads), so neither side writes nor parses 1,000 of them.
     */
    static DeleteObjectsRequest quietRequest(String bucket, List<KeyVersion> objects) {
        List<ObjectIdentifier> ids = new ArrayList<>(objects.size());
        for (KeyVersion o : objects) {
            ids.add(ObjectIdentifier.builder().key(o.key()).versionId(o.versionId()).build());
        }
        return DeleteObjectsRequest.builder().bucket(bucket)
                .delete(Delete.builder().objects(ids).quiet(true).build()).build();
    }

    private static List<DeleteError> errors(DeleteObjectsResponse response) {
        if (!response.hasErrors() || response.errors().isEmpty()) {
            return List.of();
        }
        List<DeleteError> errors = new ArrayList<>(response.errors().size());
        for (S3Error e : response.errors()) {
            errors.add(new DeleteError(e.key(), e.versionId() == null || e.versionId().isEmpty() ? null
                    : e.versionId(), e.code(), e.message()));
        }
        return errors;
    }

    private Mono<Outcome> deleteBatch(String bucket, List<KeyVersion> batch, TransferRun run) {
        List<KeyVersion> valid = new ArrayList<>(batch.size());
        List<DeleteError> rejected = new ArrayList<>();
        for (KeyVersion id : batch) {
            try {
                Arguments.key(id.key());
                valid.add(id);
            } catch (InvalidInputException e) {
                rejected.add(new DeleteError(id.key(), id.versionId(), "InvalidArgument", e.getMessage()));
            }
        }
        run.plan(0, valid.isEmpty() ? 0 : 1, batch.size());
        if (valid.isEmpty()) {
            run.itemsDone(batch.size());
            return Mono.just(new Outcome(0, rejected, 0));
        }
        DeleteObjectsRequest quiet = quietRequest(bucket, valid);
        Mono<List<DeleteError>> request = Mono.fromFuture(() -> client.sdkClient().deleteObjects(quiet))
                .onErrorMap(e -> SdkErrors.translate(e, "DeleteObjects", bucket, null))
                .map(BatchDeleter::errors);
        return PartRetry.withRetries(request, settings, "DeleteObjects s3://" + bucket + " (" + valid.size() + " keys)")
                .map(keyErrors -> {
                    List<DeleteError> errors = new ArrayList<>(rejected);
                    errors.addAll(keyErrors);
                    return new Outcome(valid.size() - keyErrors.size(), errors, 1);
                })
                .onErrorResume(e -> e instanceof S3ToolkitException && !(e instanceof BucketNotFoundException),
                        e -> {
                            String code = e instanceof S3ServiceException s && s.errorCode() != null ? s.errorCode()
                                    : e.getClass().getSimpleName();
                            List<DeleteError> errors = new ArrayList<>(rejected);
                            valid.forEach(id -> errors.add(new DeleteError(id.key(), id.versionId(), code,
                                    e.getMessage())));
                            return Mono.just(new Outcome(0, errors, 1));
                        })
                .doOnNext(outcome -> {
                    run.partDone();
                    run.itemsDone(batch.size());
                });
    }
}
