package io.reactives3.cli;

/** A failure that ends the command with a given exit code and a one-line message (no stack trace). */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(Rs3.USAGE, message);
    }

    static CliException config(String message) {
        return new CliException(Rs3.CONFIG, message);
    }

    static CliException failed(String message) {
        return new CliException(Rs3.FAILED, message);
    }

    static CliException interrupted() {
        return new CliException(Rs3.INTERRUPTED, "interrupted");
    }

    int exitCode() {
        return exitCode;
    }
}
