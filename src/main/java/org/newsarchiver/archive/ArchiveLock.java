package org.newsarchiver.archive;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive OS lock on {@code <site>/.lock}, so two processes never write one site's archive.
 * The file names its holder (process id, host, since when) for the message the loser prints. The
 * OS releases it when the process dies, so a crash never leaves a site locked.
 */
public final class ArchiveLock implements Closeable {
  public static final String FILE_NAME = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private ArchiveLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static ArchiveLock acquire(Path siteDir) throws IOException {
    Files.createDirectories(siteDir);
    Path file = siteDir.resolve(FILE_NAME);
    FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      String holder = holder(ch);
      ch.close();
      throw new ArchiveLockedException(
          file + ": archive is locked by " + holder + "; wait for that run to end or stop it");
    }
    String me = ManagementFactory.getRuntimeMXBean().getName() + " since " + Instant.now();
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(("pid@host " + me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(false);
    return new ArchiveLock(ch, lock);
  }

  private static String holder(FileChannel ch) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(512);
      ch.read(buf, 0);
      String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "another process" : text;
    } catch (IOException e) {
      return "another process";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
