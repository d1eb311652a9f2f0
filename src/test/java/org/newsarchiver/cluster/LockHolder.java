package org.newsarchiver.cluster;

import java.nio.file.Path;
import org.newsarchiver.archive.ArchiveLock;

/** A separate process that takes a site's archive lock, says so on stdout, and holds it until killed. */
final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (ArchiveLock lock = ArchiveLock.acquire(Path.of(args[0]))) {
      System.out.println("held " + ProcessHandle.current().pid());
      System.out.flush();
      System.in.read(); // until killed or stdin closes
    }
  }
}
