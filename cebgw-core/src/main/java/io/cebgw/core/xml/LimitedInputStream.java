package io.cebgw.core.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that fails once more than a given number of bytes has been read. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Thrown when the limit is passed; the reader turns it into {@link ReadError#TOO_LARGE}. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(long limit) {
            super("input exceeds " + limit + " bytes");
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded(limit);
        }
    }
}
