package io.reactives3.transfer.internal;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.LocalFileException;
import io.reactives3.core.error.S3ToolkitException;
import io.reactives3.core.model.ListedObject;
import io.reactives3.transfer.DirectoryOptions;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.DirectoryDownloadResult;
import io.reactives3.transfer.model.DirectoryUploadResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.ItemFailure;
import io.reactives3.transfer.model.SkippedKey;
import io.reactives3.transfer.model.UploadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Directory uploads and downloads: {@link TransferSettings#fileConcurrency()} files at a time, each moved by the
 * engine's single-file transfer; the directory walk and the listing are consumed only as files can start. Partial
 * failure is data; a missing directory or bucket, or a failing walk or listing, fails the job.
 */
final class DirectoryTransfers {

    private sealed interface Outcome<R> {
    }

    private record Done<R>(R result) implements Outcome<R> {
    }

    private record Skipped<R>(SkippedKey skipped) implements Outcome<R> {
    }

    private record Failed<R>(ItemFailure failure) implements Outcome<R> {
    }

    private final ReactiveS3Client client;
    private final TransferSettings settings;
    private final FileBackend uploads;
    private final FileBackend downloads;

    /** Moves each file up through {@code uploads}, down through {@code downloads} (the engine's choices). */
    DirectoryTransfers(ReactiveS3Client client, TransferSettings settings, FileBackend uploads,
                       FileBackend downloads) {
        this.client = client;
        this.settings = settings;
        this.uploads = uploads;
        this.downloads = downloads;
    }

    // ------------------------------------------------------------------ upload

    /**
     * Uploads the regular files below {@code directory} (symbolic links are neither followed nor uploaded) that the
     * options select, to {@code prefix/relative/path}.
     */
    Mono<DirectoryUploadResult> upload(Path directory, String bucket, String prefix, DirectoryOptions options,
                                       TransferRun run) {
        String operation = "uploadDirectory " + directory + " to s3://" + bucket + "/" + prefix;
        Flux<Path> walk = Flux.using(() -> walk(directory, operation), Flux::fromStream, Stream::close)
                .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                .subscribeOn(Schedulers.boundedElastic());
        record Item(Path file, String relative) {
        }
        return walk
                .map(path -> new Item(path, relative(directory, path)))
                .filter(item -> options.selects(item.relative()))
                .doOnNext(item -> run.expect(1))
                .doOnComplete(run::closeExpectation)
                .flatMap(item -> Mono.defer(() -> uploads.uploadFile(item.file(), bucket, keyOf(prefix, item.relative()),
                                        PutObjectOptions.defaults(), run))
                                .<Outcome<UploadResult>>map(Done::new)
                                .onErrorResume(DirectoryTransfers::itemError, e -> failed(item.relative(), e, run)),
                        settings.fileConcurrency(), 1)
                .collect(Outcomes<UploadResult>::new, Outcomes::add)
                .map(o -> new DirectoryUploadResult(o.done.count(), o.done.sample(), o.failed.count(),
                        o.failed.sample()));
    }

    private static Stream<Path> walk(Path directory, String operation) {
        try {
            if (!Files.isDirectory(directory)) {
                throw new LocalFileException(operation + ": " + directory + " is not a directory");
            }
            return Files.walk(directory);
        } catch (IOException e) {
            throw LocalFiles.ioError(operation, directory, e);
        }
    }

    private static String relative(Path directory, Path file) {
        Path relative = directory.relativize(file);
        List<String> names = new ArrayList<>();
        relative.forEach(name -> names.add(name.toString()));
        return String.join("/", names);
    }

    /** {@code prefix} and {@code relative} joined by exactly one {@code /} (no separator for an empty prefix). */
    static String keyOf(String prefix, String relative) {
        if (prefix.isEmpty()) {
            return relative;
        }
        return prefix.endsWith("/") ? prefix + relative : prefix + "/" + relative;
    }

    // ------------------------------------------------------------------ download

    /**
     * Downloads the objects below {@code prefix} (a prefix without a trailing {@code /} gets one: {@code photos}
     * lists {@code photos/...}, not {@code photos2/...}) that the options select into {@code directory}; folder
     * markers (empty keys ending in {@code /}) are ignored; keys {@link SafePaths} refuses are skipped and reported.
     */
    Mono<DirectoryDownloadResult> download(String bucket, String prefix, Path directory, DirectoryOptions options,
                                           TransferRun run) {
        String listPrefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        String operation = "downloadDirectory s3://" + bucket + "/" + listPrefix + " to " + directory;
        return Mono.fromCallable(() -> root(directory, operation))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(root -> client.listObjects(bucket,
                                o -> o.prefix(listPrefix.isEmpty() ? null : listPrefix))
                        .filter(o -> !(o.key().endsWith("/") && o.size() == 0))
                        .doOnComplete(run::closeExpectation)
                        .flatMap(o -> downloadOne(bucket, listPrefix, root, o, options, run),
                                settings.fileConcurrency(), 1))
                .collect(Outcomes<DownloadResult>::new, Outcomes::add)
                .map(o -> new DirectoryDownloadResult(o.done.count(), o.done.sample(), o.skipped.count(),
                        o.skipped.sample(), o.failed.count(), o.failed.sample()));
    }

    private Mono<Outcome<DownloadResult>> downloadOne(String bucket, String listPrefix, Path root, ListedObject o,
                                                      DirectoryOptions options, TransferRun run) {
        String relative = o.key().substring(listPrefix.length());
        var shape = SafePaths.shapeProblem(relative);
        if (shape.isPresent()) {
            return Mono.just(new Skipped<>(new SkippedKey(o.key(), shape.get())));
        }
        if (!options.selects(relative)) {
            return Mono.empty();
        }
        run.expect(1);
        return Mono.fromCallable(() -> SafePaths.resolve(root, relative))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(decision -> {
                    if (!decision.allowed()) {
                        run.plan(0, 0);
                        run.itemsDone(1);
                        return Mono.just(new Skipped<DownloadResult>(new SkippedKey(o.key(), decision.refusal())));
                    }
                    return downloads.downloadFile(bucket, o.key(), decision.path(), run)
                            .<Outcome<DownloadResult>>map(Done::new)
                            .onErrorResume(DirectoryTransfers::itemError, e -> failed(o.key(), e, run));
                });
    }

    private static Path root(Path directory, String operation) {
        try {
            Path absolute = directory.toAbsolutePath().normalize();
            Files.createDirectories(absolute);
            return absolute.toRealPath();
        } catch (IOException e) {
            throw LocalFiles.ioError(operation, directory, e);
        }
    }

    // ------------------------------------------------------------------ outcomes

    /** Errors that fail one item, not the job (a bad key, anything the store or the file system said). */
    private static boolean itemError(Throwable e) {
        return e instanceof S3ToolkitException;
    }

    private static <R> Mono<Outcome<R>> failed(String item, Throwable error, TransferRun run) {
        run.itemsDone(1);
        return Mono.just(new Failed<>(new ItemFailure(item, error)));
    }

    /** What a job keeps of its outcomes: counts, and the first {@link Tally#SAMPLE} of each kind. */
    private static final class Outcomes<R> {
        final Tally<R> done = new Tally<>();
        final Tally<SkippedKey> skipped = new Tally<>();
        final Tally<ItemFailure> failed = new Tally<>();

        void add(Outcome<R> outcome) {
            if (outcome instanceof Done<R> d) {
                done.add(d.result());
            } else if (outcome instanceof Skipped<R> s) {
                skipped.add(s.skipped());
            } else if (outcome instanceof Failed<R> f) {
                failed.add(f.failure());
            }
        }
    }
}
