package org.newsarchiver.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most a given number of bytes of a stream: a file up to a known-good length. */
final class LimitedInputStream extends FilterInputStream {
  private long left;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.left = limit;
  }

  @Override
  public int read() throws IOException {
    if (left <= 0) return -1;
    int b = super.read();
    if (b >= 0) left--;
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (left <= 0) return -1;
    int n = super.read(buf, off, (int) Math.min(len, left));
    if (n > 0) left -= n;
    return n;
  }
}
