package dev.ringside.sink;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.ZstdOutputStream;

/**
 * The byte stream under a text writer: counts bytes on disk, can make them durable, and for gzip or zstd closes the
 * current gzip member or zstd frame at a commit point (concatenated members, or frames, are one valid file), so the
 * committed length is always a place where the file is complete.
 */
final class FileTarget extends OutputStream {

    /** The file, or {@code null} when writing to a stream that is not one (standard output). */
    private final FileOutputStream file;
    private final OutputStream out;
    private final TextCompression compression;
    private OutputStream member;
    private long bytes;

    FileTarget(Path path, boolean append, TextCompression compression) throws IOException {
        this.file = new FileOutputStream(path.toFile(), append);
        this.out = file;
        this.bytes = file.getChannel().position();
        this.compression = compression;
    }

    /** Over a stream that stays open after {@link #close} (standard output): a commit flushes it, and syncs nothing. */
    FileTarget(OutputStream stream, TextCompression compression) {
        this.file = null;
        this.out = stream;
        this.compression = compression;
    }

    private final OutputStream counting = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    };

    /** What a member or frame writes through: closing it ends the member, never the file. */
    private final OutputStream unclosable = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            counting.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            counting.write(b, off, len);
        }
    };

    private OutputStream sink() throws IOException {
        if (compression == TextCompression.NONE) {
            return counting;
        }
        if (member == null) {
            member = compression == TextCompression.GZIP ? new GZIPOutputStream(unclosable, 64 * 1024)
                    : new ZstdOutputStream(unclosable);
        }
        return member;
    }

    private void endMember() throws IOException {
        if (member != null) {
            member.close(); // ends the gzip member or zstd frame; unclosable keeps the file open
            member = null;
        }
    }

    @Override
    public void write(int b) throws IOException {
        sink().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        sink().write(b, off, len);
    }

    /** Ends the gzip member (if any), forces the bytes to disk and returns the file length. */
    long commit() throws IOException {
        endMember();
        out.flush();
        if (file != null) {
            file.getFD().sync();
        }
        return bytes;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        try {
            endMember();
        } finally {
            if (file != null) {
                file.close();
            } else {
                out.flush();
            }
        }
    }
}
