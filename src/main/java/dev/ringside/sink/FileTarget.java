package dev.ringside.sink;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * The byte stream under a text writer: counts bytes on disk, can make them durable, and for gzip can close the
 * current gzip member at a commit point (concatenated gzip members are one valid gzip file), so the committed
 * length is always a place where the file is complete.
 */
final class FileTarget extends OutputStream {

    private final FileOutputStream file;
    private final boolean gzip;
    private GZIPOutputStream member;
    private long bytes;

    FileTarget(Path path, boolean append, boolean gzip) throws IOException {
        this.file = new FileOutputStream(path.toFile(), append);
        this.bytes = file.getChannel().position();
        this.gzip = gzip;
    }

    private final OutputStream counting = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            file.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            file.write(b, off, len);
            bytes += len;
        }
    };

    private OutputStream sink() throws IOException {
        if (!gzip) {
            return counting;
        }
        if (member == null) {
            member = new GZIPOutputStream(counting, 64 * 1024);
        }
        return member;
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
        if (member != null) {
            member.finish();
            member = null;
        }
        file.flush();
        file.getFD().sync();
        return bytes;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        try {
            if (member != null) {
                member.finish();
                member = null;
            }
        } finally {
            file.close();
        }
    }
}
