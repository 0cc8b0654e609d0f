package io.reactives3.cli;

import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.model.ListedObject;
import io.reactives3.transfer.TransferProgress;
import io.reactives3.transfer.model.BatchDeleteResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code cp} and {@code sync}: a plan of items (one object or file each), run {@code --concurrency} at a time
 * through the transfer engine, with one progress bar over all of them and a per-item failure report.
 */
final class Copy {

    /** A file or object to move. {@code size} is -1 when not known before the transfer starts. */
    private record Item(String label, String from, String to, long size, Supplier<Flux<Tick>> work,
                        Session.@Nullable Upload upload) {
    }

    /** Progress of one item: bytes moved, and its total (-1 while unknown). */
    private record Tick(long bytes, long total) {
        static Tick of(TransferProgress<?> p) {
            return new Tick(p.bytesTransferred(), p.totalBytes() == null ? -1 : p.totalBytes());
        }
    }

    /**
     * An entry of a listing: its path relative to the folder listed ({@code null} for a single object named by
     * the command), its key or file path, size (-1 if unknown), modification time and ETag.
     */
    private record Entry(@Nullable String relative, String name, long size, @Nullable Instant modified,
                         @Nullable String eTag) {
    }

    private Copy() {
    }

    static int cp(Session s) {
        List<String> args = s.options.operands(2, 2, "cp <source> <destination> [--recursive]");
        Location from = Location.parse(args.get(0));
        Location to = Location.parse(args.get(1));
        requireOneS3(from, to, "cp");
        List<Item> items = new ArrayList<>();
        if (s.options.has("recursive")) {
            Map<String, Entry> sources = list(s, from, s.source);
            sources.values().forEach(e -> items.add(item(s, from, e, to, destinationUnder(to, e.relative()))));
        } else {
            items.add(single(s, from, to, args.get(1)));
        }
        return execute(s, "cp", items, List.of(), to);
    }

    static int sync(Session s) {
        List<String> args = s.options.operands(2, 2, "sync <source> <destination> [--delete]");
        Location from = Location.parse(args.get(0));
        Location to = Location.parse(args.get(1));
        requireOneS3(from, to, "sync");
        Map<String, Entry> sources = list(s, from, s.source);
        Map<String, Entry> existing = to.isS3() || Files.isDirectory(to.localPath()) ? list(s, to, s.target)
                : Map.of();
        // both sides S3: equal ETags mean equal content; a local file has no ETag to compare
        boolean compareETags = from.isS3() && to.isS3();
        List<Item> items = new ArrayList<>();
        for (Entry e : sources.values()) {
            Entry there = existing.get(e.relative());
            if (differs(e, there, compareETags)) {
                items.add(item(s, from, e, to, destinationUnder(to, e.relative())));
            }
        }
        List<String> extra = new ArrayList<>();
        if (s.options.has("delete")) {
            existing.keySet().stream().filter(k -> !sources.containsKey(k)).forEach(extra::add);
        }
        if (items.isEmpty() && extra.isEmpty()) {
            s.say("sync: " + from + " and " + to + " are in sync (" + sources.size() + " compared)");
            s.await(Mono.empty(), null);
            return Rs3.OK;
        }
        return execute(s, "sync", items, extra, to);
    }

    /** Copies when the destination lacks the entry, or its size differs, or (ETags not equal) the source is newer. */
    private static boolean differs(Entry source, @Nullable Entry destination, boolean compareETags) {
        if (destination == null || source.size() != destination.size()) {
            return true;
        }
        if (compareETags && source.eTag() != null && source.eTag().equals(destination.eTag())) {
            return false;
        }
        if (source.modified() == null || destination.modified() == null) {
            return false;
        }
        return source.modified().getEpochSecond() > destination.modified().getEpochSecond();
    }

    private static int execute(Session s, String verb, List<Item> items, List<String> deletions, Location to) {
        if (s.options.has("dry-run")) {
            items.forEach(i -> s.out.println("(dry run) " + i.label() + ": " + i.from() + " to " + i.to()));
            deletions.forEach(d -> s.out.println("(dry run) delete: " + under(to, d)));
            return Rs3.OK;
        }
        long known = items.stream().mapToLong(i -> Math.max(0, i.size())).sum();
        Session.Meter meter = new Session.Meter(verb).totals(items.stream().allMatch(i -> i.size() >= 0) ? known
                : -1, items.size());
        int concurrency = s.options.intValue("concurrency", 8, 1, 64);
        s.await(Flux.fromIterable(items).flatMap(i -> run(s, meter, i), concurrency).then(), meter);
        if (!deletions.isEmpty()) {
            delete(s, to, deletions);
        }
        return s.report(verb, items.size() + deletions.size());
    }

    private static Mono<Void> run(Session s, Session.Meter meter, Item item) {
        AtomicLong seen = new AtomicLong();
        AtomicLong total = new AtomicLong(item.size());
        return Flux.defer(item.work())
                .doOnSubscribe(x -> {
                    if (item.upload() != null) {
                        s.tracking(item.upload(), true);
                    }
                })
                .doOnNext(t -> {
                    meter.addBytes(t.bytes() - seen.getAndSet(t.bytes()));
                    if (total.get() < 0 && t.total() >= 0) {
                        total.set(t.total());
                        meter.addTotal(t.total());
                    }
                })
                .then(Mono.fromRunnable(() -> {
                    meter.addBytes(Math.max(0, total.get()) - seen.getAndSet(Math.max(0, total.get())));
                    meter.itemDone();
                    s.say(item.label() + ": " + item.from() + " to " + item.to());
                }))
                .onErrorResume(e -> {
                    meter.addBytes(-seen.getAndSet(0));
                    meter.itemDone();
                    s.failed(item.from(), e);
                    return Mono.empty();
                })
                .doOnTerminate(() -> {
                    if (item.upload() != null) {
                        s.tracking(item.upload(), false);
                    }
                })
                .then();
    }

    /** One object or file, as {@code cp} without {@code --recursive} names it. */
    private static Item single(Session s, Location from, Location to, String toArgument) {
        if (from.isS3()) {
            if (from.keyName().isEmpty() || from.keyName().endsWith("/")) {
                throw CliException.usage("'" + from + "' is a folder: use cp --recursive");
            }
            Entry e = new Entry(null, from.keyName(), -1, null, null);
            if (to.isS3()) {
                String key = to.keyName().isEmpty() || to.keyName().endsWith("/") ? to.keyName() + from.baseName()
                        : to.keyName();
                return item(s, from, e, to, key);
            }
            Path target = to.localPath();
            boolean folder = Files.isDirectory(target) || toArgument.endsWith("/")
                    || toArgument.endsWith(File.separator);
            return item(s, from, e, to, (folder ? target.resolve(from.baseName()) : target).toString());
        }
        Path file = from.localPath();
        if (Files.isDirectory(file)) {
            throw CliException.usage("'" + file + "' is a directory: use cp --recursive");
        }
        long size = -1;
        try {
            size = Files.size(file);
        } catch (IOException ignored) {
            // a missing file fails as its item, with the engine's LocalFileException
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String key = to.keyName().isEmpty() || to.keyName().endsWith("/") ? to.keyName() + name : to.keyName();
        return item(s, file.toString(), to, key, size);
    }

    /**
     * The item moving entry {@code e} of {@code from} to {@code destination} (a key when {@code to} is S3, else a
     * local path).
     */
    private static Item item(Session s, Location from, Entry e, Location to, String destination) {
        if (!from.isS3()) {
            return item(s, e.name(), to, destination, e.size());
        }
        String bucket = from.bucketName();
        String key = e.name();
        String source = "s3://" + bucket + "/" + key;
        if (!to.isS3()) {
            Path file = Path.of(destination);
            Path root = to.localPath().toAbsolutePath().normalize();
            if (e.relative() != null && (!safeRelative(e.relative())
                    || !file.toAbsolutePath().normalize().startsWith(root))) {
                return new Item("download", source, destination, 0, () -> Flux.error(CliException.failed(
                        "skipped: the key would be written outside " + root)), null);
            }
            Instant modified = e.modified();
            return new Item("download", source, destination, e.size(), () -> s.source.engine
                    .downloadFile(bucket, key, file).progress()
                    .concatMap(p -> p.done() && p.result() != null && modified != null
                            ? touch(file, modified).thenReturn(p) : Mono.just(p))
                    .map(Tick::of), null);
        }
        String toBucket = to.bucketName();
        String target = "s3://" + toBucket + "/" + destination;
        Session.Upload upload = new Session.Upload(s.target, toBucket, destination);
        if (s.source == s.target && e.eTag() != null && e.size() >= 0
                && e.size() < s.target.engine.settings().multipartThreshold()) {
            // listed below the threshold: one CopyObject pinned to the listed ETag (a source replaced since the
            // listing fails with 412), no HeadObject first as the engine's copy of an unknown object needs
            CopyObjectOptions pinned = CopyObjectOptions.builder().sourceIfMatch(e.eTag()).build();
            return new Item("copy", source, target, e.size(), () -> s.target.client
                    .copyObject(bucket, key, toBucket, destination, pinned)
                    .map(r -> new Tick(e.size(), e.size())).flux(), upload);
        }
        if (s.source == s.target) {
            return new Item("copy", source, target, e.size(), () -> s.target.engine
                    .copy(bucket, key, toBucket, destination, CopyObjectOptions.defaults()).progress()
                    .map(Tick::of), upload);
        }
        // another endpoint: the bytes stream through (parallel ranged GETs in, multipart upload out)
        return new Item("copy", source, target, e.size(), () -> s.source.engine.downloadStream(bucket, key)
                .flatMapMany(o -> {
                    PutObjectOptions.Builder options = PutObjectOptions.builder();
                    if (o.head().contentType() != null) {
                        options.contentType(o.head().contentType());
                    }
                    return s.target.engine.upload(o.body(), toBucket, destination, options.build()).progress();
                })
                .map(Tick::of), upload);
    }

    private static Item item(Session s, String file, Location to, String key, long size) {
        String bucket = to.bucketName();
        Path path = Path.of(file);
        return new Item("upload", file, "s3://" + bucket + "/" + key, size, () -> s.target.engine
                .uploadFile(path, bucket, key).progress().map(Tick::of), new Session.Upload(s.target, bucket, key));
    }

    /** The destination of {@code relative} under {@code to}: a key, or a local path. */
    private static String destinationUnder(Location to, @Nullable String relative) {
        if (relative == null) {
            throw new IllegalArgumentException("no relative path");
        }
        if (to.isS3()) {
            return to.folderPrefix() + relative;
        }
        return to.localPath().resolve(relative.replace('/', File.separatorChar)).toString();
    }

    private static String under(Location to, String relative) {
        return to.isS3() ? "s3://" + to.bucketName() + "/" + to.folderPrefix() + relative : destinationUnder(to, relative);
    }

    /** A relative key that stays inside its folder: no empty, {@code .} or {@code ..} segment, no backslash. */
    private static boolean safeRelative(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")) {
            return false;
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static Mono<Void> touch(Path file, Instant modified) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                Files.setLastModifiedTime(file, FileTime.from(modified));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Everything under a folder: S3 keys under its folder prefix (folder markers left out), or a directory's files. */
    private static Map<String, Entry> list(Session s, Location at, Endpoint endpoint) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (at.isS3()) {
            String prefix = at.folderPrefix();
            List<ListedObject> objects = s.await(endpoint.client.listObjects(at.bucketName(), o -> o.prefix(prefix.isEmpty() ? null : prefix))
                    .collectList(), null);
            for (ListedObject o : objects == null ? List.<ListedObject>of() : objects) {
                if (!o.key().endsWith("/")) {
                    String relative = o.key().substring(prefix.length());
                    entries.put(relative, new Entry(relative, o.key(), o.size(), o.lastModified(), o.eTag()));
                }
            }
            return entries;
        }
        Path dir = at.localPath();
        if (!Files.isDirectory(dir)) {
            throw CliException.failed("'" + dir + "' is not a directory");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                String relative = dir.relativize(p).toString().replace(File.separatorChar, '/');
                try {
                    entries.put(relative, new Entry(relative, p.toString(), Files.size(p),
                            Files.getLastModifiedTime(p).toInstant(), null));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw CliException.failed("could not read '" + dir + "': " + e.getMessage());
        }
        return entries;
    }

    private static void delete(Session s, Location to, List<String> relatives) {
        if (to.isS3()) {
            String bucket = to.bucketName();
            List<String> keys = relatives.stream().map(r -> to.folderPrefix() + r).toList();
            BatchDeleteResult result = s.await(s.target.engine.deleteObjects(bucket, Flux.fromIterable(keys))
                    .result(), null);
            if (result != null) {
                result.errors().forEach(e -> s.failed(e.key(), CliException.failed(e.code() + ": " + e.message())));
                keys.stream().filter(k -> result.errors().stream().noneMatch(e -> e.key().equals(k)))
                        .forEach(k -> s.say("delete: s3://" + bucket + "/" + k));
                s.await(Mono.empty(), null);
            }
            return;
        }
        for (String relative : relatives) {
            Path file = Path.of(destinationUnder(to, relative));
            try {
                Files.delete(file);
                s.out.println("delete: " + file);
            } catch (IOException e) {
                s.failed(file.toString(), e);
            }
        }
    }

    private static void requireOneS3(Location from, Location to, String verb) {
        if (!from.isS3() && !to.isS3()) {
            throw CliException.usage(verb + " needs an S3 location (s3://bucket/key) on at least one side");
        }
    }
}
