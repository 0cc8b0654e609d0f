package io.reactives3.transfer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel whose positional read or write a test chooses (to fail as the JDK's can, or to take a write in
 * pieces); every other operation is refused.
 */
final class StubFileChannel extends FileChannel {

    /** A positional read or write: {@code buffer} at {@code position}; returns the bytes moved. */
    interface PositionalIo {
        int apply(ByteBuffer buffer, long position) throws IOException;
    }

    private final PositionalIo read;
    private final PositionalIo write;

    private StubFileChannel(PositionalIo read, PositionalIo write) {
        this.read = read;
        this.write = write;
    }

    /** A channel whose positional writes are {@code write}. */
    static StubFileChannel writing(PositionalIo write) {
        return new StubFileChannel((b, p) -> {
            throw new UnsupportedOperationException();
        }, write);
    }

    /** A channel whose positional reads are {@code read}. */
    static StubFileChannel reading(PositionalIo read) {
        return new StubFileChannel(read, (b, p) -> {
            throw new UnsupportedOperationException();
        });
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return read.apply(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return write.apply(src, position);
    }

    @Override
    public int read(ByteBuffer dst) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int write(ByteBuffer src) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long position() {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileChannel position(long newPosition) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long size() {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void force(boolean metaData) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void implCloseChannel() {
    }
}
