package io.reactives3.cli;

import io.reactives3.core.ReactiveS3ClientBuilder;
import io.reactives3.core.error.AccessDeniedException;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.error.S3ToolkitException;
import io.reactives3.transfer.TransferSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The {@code rs3} command ({@code ./rs3 --help}): {@code ls}, {@code cp}, {@code sync}, {@code rm}, {@code mb},
 * {@code rb} and {@code presign} over reactive-s3's transfer engine, against any S3 endpoint, an embedded server
 * started for the command ({@code --server s3proxy}), or from one endpoint to another.
 *
 * <p>{@link #main} exits with the codes {@code --help} lists. Ctrl-C (SIGINT) cancels the transfers in flight,
 * aborts their multipart uploads and exits with 130. Embedding callers (tests) use {@link #execute(String[])} and
 * {@link #cancel()}.
 */
public final class Rs3 {

    /** Everything worked. */
    public static final int OK = 0;
    /** Some keys or files failed; the others were done (the failures are listed on standard error). */
    public static final int SOME_FAILED = 1;
    /** The command line is wrong (unknown verb or option, missing operand, bad value). */
    public static final int USAGE = 2;
    /** The command failed as a whole: the store answered an error (no such bucket, access denied) or none. */
    public static final int FAILED = 3;
    /** The configuration is unusable: no credentials, a malformed endpoint, a server that would not start. */
    public static final int CONFIG = 4;
    /** Interrupted (Ctrl-C); transfers in flight were cancelled and their multipart uploads aborted. */
    public static final int INTERRUPTED = 130;

    static final String HELP = """
            usage: rs3 [options] <command> [arguments]

            Commands (S3 locations are s3://bucket/key; anything else is a local path):
              ls [s3://bucket[/prefix]]        list buckets, or the objects and folders (PRE) under a prefix
              cp <source> <destination>        copy one object or file: local -> S3, S3 -> local, S3 -> S3
                                               (server-side; multipart copy from --multipart-threshold on);
                                               a destination ending in / (or a directory) gets the source's name
              cp -r <source> <destination>     copy everything under a folder (s3://b/dir means the keys under dir/)
              sync <source> <destination>      copy what is missing or differs (size, then ETag or modification
                                               time: a newer source wins); --delete removes what the source lacks
              rm s3://bucket/key               delete one object
              rm -r s3://bucket/prefix         delete everything under a folder (the whole bucket with s3://bucket)
              mb s3://bucket                   make a bucket
              rb s3://bucket                   remove an empty bucket (--force: delete its objects and uploads first)
              presign s3://bucket/key          print a presigned URL (--expires-in seconds, default 3600, at most
                                               604800; --method GET or PUT, default GET)
              serve                            with --server KIND: keep the server running until Ctrl-C and print
                                               the variables that point other rs3 commands (and ./run.sh) at it

            Options:
              -r, --recursive                  cp and rm: work on every key under a folder
              --delete                         sync: delete destination entries the source does not have
              --dry-run                        cp, sync, rm: print what would be done, do nothing
              --concurrency N                  objects in flight and parts in flight per object (default 8; 1..64)
              --part-size SIZE                 multipart part size, e.g. 8MiB (default 8MiB; 5MiB..5GiB)
              --multipart-threshold SIZE       objects from this size move in parts (default 16MiB; >= 5MiB)
              --no-progress, -q/--quiet        no progress bar / no output but errors
              --progress-interval SECONDS      seconds between progress lines when stdout is not a terminal (2)
              --read-timeout SECONDS           how long to wait for the store to answer a request or send the next
                                               bytes before the request fails or is retried (default 30; 1..3600)
              --summarize                      ls: print the object count and total size
              -h, --help                       this text

            Endpoint (flags win over REACTIVE_S3_* variables, which win over the AWS CLI's):
              --endpoint URL                   REACTIVE_S3_ENDPOINT, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL (AWS if none)
              --region NAME                    REACTIVE_S3_REGION, AWS_REGION, AWS_DEFAULT_REGION (us-east-1)
              --access-key ID                  REACTIVE_S3_ACCESS_KEY, AWS_ACCESS_KEY_ID
              --secret-key SECRET              REACTIVE_S3_SECRET_KEY, AWS_SECRET_ACCESS_KEY
              --path-style, --no-path-style    REACTIVE_S3_PATH_STYLE (default: path style for a custom endpoint)
              --store-profile NAME             REACTIVE_S3_PROFILE: aws, minio, ceph, s3proxy, generic
              --no-sign-request                anonymous requests (public buckets)
              --server KIND                    start an embedded server for this command: s3proxy, local-s3,
                                               ceph-rgw (rgw), minio; it stops when the command ends (demos)
              --source-endpoint URL            the source is on another endpoint: the bytes stream through rs3;
                                               --source-region, --source-access-key, --source-secret-key,
                                               --source-path-style, --source-server default to the above

            Exit codes:
              0    everything worked
              1    some keys or files failed (listed on standard error); the others were done
              2    usage error (unknown command or option, wrong operands, bad value)
              3    the command failed: the store answered an error (no such bucket or key, access denied) or
                   could not be reached
              4    configuration error: no credentials, a malformed endpoint, a server that would not start
              130  interrupted (Ctrl-C): transfers cancelled, their multipart uploads aborted

            Examples:
              ./rs3 --server s3proxy serve     (then, in another shell, the export line it prints)
              ./rs3 mb s3://demo
              ./rs3 --endpoint http://127.0.0.1:9000 cp -r ./photos s3://media/photos/
              ./rs3 sync s3://media/photos ./backup --delete
              ./rs3 --source-endpoint https://old.example.com cp -r s3://media s3://media-copy
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final boolean terminal;
    private volatile boolean cancelled;
    private final CountDownLatch finished = new CountDownLatch(1);

    /**
     * A command instance printing to {@code out} and {@code err}, configured from {@code env} (e.g.
     * {@code System.getenv()}); {@code terminal} chooses the redrawn progress bar over plain lines.
     */
    public Rs3(PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.terminal = terminal;
    }

    /** Runs {@code rs3 args} and exits with its code; Ctrl-C cancels the command cleanly (exit 130). */
    public static void main(String[] args) {
        Rs3 rs3 = new Rs3(System.out, System.err, System.getenv(), ProgressBar.stdoutIsTerminal());
        Thread hook = new Thread(() -> {
            rs3.cancel();
            rs3.awaitFinished(Duration.ofSeconds(20));
        }, "rs3-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = rs3.execute(args);
        if (!rs3.cancelled) {
            // every client is closed: the CRT's exit handler then has no thread to wait for
            boolean crtUsed = CrtDefaults.releaseIfUsed();
            String crtFolder = System.getProperty(CrtLibrary.FOLDER_PROPERTY);
            if (crtUsed && crtFolder != null) {
                CrtLibrary.keepIn(Path.of(crtFolder)); // the next command loads it from there
            }
            ClosingClients.awaitEnd(Duration.ofMillis(150)); // else the JVM waits 300 ms for their event loops
            System.exit(code); // the hook then only waits for a command that is already finished
        }
    }

    /**
     * Runs one command to its end (blocking the calling thread, which must not be a Reactor thread) and returns
     * its exit code; never throws for a failing command.
     */
    public int execute(String[] args) {
        try {
            Options options = Options.parse(args);
            if (options.has("help") || options.verb == null) {
                out.print(HELP);
                return options.verb == null && !options.has("help") ? USAGE : OK;
            }
            return run(options);
        } catch (CliException e) {
            if (e.exitCode() == INTERRUPTED) {
                err.println("rs3: interrupted");
            } else {
                err.println("rs3: " + e.getMessage());
                if (e.exitCode() == USAGE) {
                    err.println("try ./rs3 --help");
                }
            }
            return e.exitCode();
        } finally {
            out.flush();
            finished.countDown();
        }
    }

    private int run(Options options) {
        TransferSettings settings = settings(options);
        Endpoint target = Endpoint.open(options, "", env, settings, err);
        Endpoint source = target;
        Session session = null;
        try {
            if (options.value("source-endpoint") != null || options.value("source-server") != null) {
                source = Endpoint.open(options, "source-", env, settings, err);
            }
            session = new Session(options, target, source, out, err, terminal, () -> cancelled);
            try {
                return Commands.run(session);
            } catch (CliException e) {
                if (e.exitCode() == INTERRUPTED) {
                    int aborted = session.abortLeftovers();
                    if (aborted > 0) {
                        err.println("rs3: aborted " + aborted + " unfinished multipart upload(s)");
                    }
                }
                throw e;
            } catch (InvalidInputException e) {
                throw CliException.usage(e.getMessage()); // caught before any request was sent
            } catch (S3ToolkitException e) {
                throw CliException.failed(describe(e, session));
            }
        } finally {
            if (session != null) {
                session.close();
            } else {
                if (source != target) {
                    source.close();
                }
                target.close();
            }
        }
    }

    private static TransferSettings settings(Options o) {
        TransferSettings s = TransferSettings.defaults();
        int concurrency = o.intValue("concurrency", s.concurrency(), 1, 64);
        s = s.withConcurrency(concurrency).withFileConcurrency(concurrency)
                .withDeleteConcurrency(Math.min(concurrency, 64))
                // the client's read timeout and the engine's idle timeout of a download part wait for the same thing
                .withPartIdleTimeout(readTimeout(o));
        Long partSize = o.sizeValue("part-size");
        Long threshold = o.sizeValue("multipart-threshold");
        try {
            if (partSize != null) {
                s = s.withPartSize(partSize);
            }
            if (threshold != null) {
                s = s.withMultipartThreshold(threshold);
            }
        } catch (S3ToolkitException e) {
            throw CliException.usage(e.getMessage());
        }
        return s;
    }

    /** {@code --read-timeout}: how long a request waits for the store's answer, or its next bytes. */
    static Duration readTimeout(Options o) {
        return Duration.ofSeconds(o.intValue("read-timeout",
                (int) ReactiveS3ClientBuilder.DEFAULT_READ_TIMEOUT.toSeconds(), 1, 3600));
    }

    /** A one-line description of a failure: what the store said, or why it could not be reached. */
    static String describe(Throwable e, Session session) {
        String text = withFlags(describeFully(e, session));
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ..."; // the SDK's advice runs over many lines
    }

    /**
     * The library's advice names its settings in full ({@code ReactiveS3ClientBuilder.readTimeout}); a user of rs3
     * sets the same wait with a flag, so the advice names the flag.
     */
    static String withFlags(String advice) {
        return advice.replace("ReactiveS3ClientBuilder.readTimeout", "--read-timeout")
                .replace("TransferSettings.partIdleTimeout", "--read-timeout");
    }

    private static String describeFully(Throwable e, Session session) {
        if (e instanceof CliException c) {
            return c.getMessage();
        }
        if (e instanceof BucketNotFoundException) {
            return "no such bucket (" + e.getMessage() + ")";
        }
        if (e instanceof ObjectNotFoundException) {
            return "no such key (" + e.getMessage() + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "access denied: check the credentials (" + e.getMessage() + ")";
        }
        if (e instanceof S3TransportException) {
            String where = session.source == session.target ? session.target.description
                    : session.source.description + " or " + session.target.description;
            return "could not reach " + where + ": " + e.getMessage();
        }
        if (e instanceof S3ToolkitException) {
            return e.getMessage();
        }
        return e.toString();
    }

    /** Cancels the running command (as Ctrl-C does): it disposes its work, aborts its uploads and returns 130. */
    public void cancel() {
        cancelled = true;
    }

    /** Waits until {@link #execute} returned, at most {@code timeout}; whether it did. */
    public boolean awaitFinished(Duration timeout) {
        try {
            return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
