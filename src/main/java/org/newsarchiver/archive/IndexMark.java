package org.newsarchiver.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * How much of an append-only file an index holds: its length then, with the SHA-256 of its first
 * and of its last (up to) 4 KiB. A file that still has those bytes at those places only grew since,
 * so reading its tail brings the index up to date; any other file was cut or rewritten.
 */
record IndexMark(long length, String head, String tail) {
  private static final int FINGERPRINT_BYTES = 4096;

  IndexMark {
    if (length < 0) throw new IllegalArgumentException("length: negative");
  }

  /** The mark of the first {@code length} bytes of {@code file}. */
  static IndexMark of(Path file, long length) throws IOException {
    if (length == 0) return new IndexMark(0, "", "");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      int n = (int) Math.min(FINGERPRINT_BYTES, length);
      return new IndexMark(length, ArticleId.sha256Hex(read(ch, 0, n)), ArticleId.sha256Hex(read(ch, length - n, n)));
    }
  }

  /** Why {@code file} is not this file grown (null when it is). */
  @Nullable String mismatch(Path file) throws IOException {
    long size = Files.isRegularFile(file) ? Files.size(file) : -1;
    if (size < length) return file.getFileName() + " has " + Math.max(size, 0) + " bytes, fewer than the " + length + " indexed";
    return of(file, length).equals(this) ? null : file.getFileName() + " was rewritten since it was indexed";
  }

  String encode() {
    return length + " " + head + " " + tail;
  }

  /** The mark {@link #encode} wrote, or null for a missing or malformed one. */
  static @Nullable IndexMark decode(@Nullable String s) {
    if (s == null) return null;
    String[] f = s.split(" ", -1);
    try {
      return f.length == 3 ? new IndexMark(Long.parseLong(f[0]), f[1], f[2]) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(n);
    while (buf.hasRemaining()) {
      if (ch.read(buf, at + buf.position()) < 0) throw new IOException("file shorter than " + (at + n) + " bytes");
    }
    return buf.array();
  }
}
