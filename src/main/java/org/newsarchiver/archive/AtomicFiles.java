package org.newsarchiver.archive;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a whole file so that readers see the old content or the new, never a part: write aside, sync, rename. */
public final class AtomicFiles {
  /** Files being written carry this suffix until renamed; leftovers of a crash are ignored and cleaned. */
  public static final String TEMP_SUFFIX = ".part";

  private AtomicFiles() {}

  /** What writes a file's content to a stream. */
  @FunctionalInterface
  interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** As {@link #write(Path, byte[])}, for content streamed as UTF-8 text (a file too big for the heap). */
  static void write(Path target, Content content) throws IOException {
    replace(target, ch -> {
      Writer out = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 1 << 16);
      content.writeTo(out);
      out.flush();
    });
  }

  public static void write(Path target, byte[] content) throws IOException {
    replace(target, ch -> {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) ch.write(buf);
    });
  }

  /** What fills the temp file's channel. */
  @FunctionalInterface
  private interface Fill {
    void into(FileChannel ch) throws IOException;
  }

  /** Fills a temp file beside {@code target}, syncs it and renames it over {@code target}. */
  private static void replace(Path target, Fill fill) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve(
        "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        fill.into(ch);
        ch.force(true);
      }
      move(temp, target);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw withPath(target, e);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * A write error that names the file: the JDK reports a full disk ("No space left on device") as
   * a bare IOException, which would leave the user's error line without its path.
   */
  static FileSystemException withPath(Path file, IOException e) {
    FileSystemException named = new FileSystemException(file.toString(), null, e.getMessage());
    named.initCause(e);
    return named;
  }
}
