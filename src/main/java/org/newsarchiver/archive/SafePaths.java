package org.newsarchiver.archive;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** The only way archive paths are built: every part is checked so nothing resolves outside the root. */
public final class SafePaths {
  private static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern RELATIVE = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");

  private SafePaths() {}

  public static Path siteDir(Path root, String site) {
    if (!SITE.matcher(site).matches() || site.contains("..")) {
      throw new IllegalArgumentException("site name '" + site + "' is not a safe folder name");
    }
    return inside(root, site);
  }

  /** Resolves a relative path of safe segments under a folder, refusing anything that would leave it. */
  public static Path inside(Path base, String relative) {
    if (!RELATIVE.matcher(relative).matches() || relative.contains("..")) {
      throw new IllegalArgumentException("'" + relative + "' is not a safe archive path");
    }
    Path b = base.toAbsolutePath().normalize();
    Path p = b.resolve(relative).normalize();
    if (!p.startsWith(b)) throw new IllegalArgumentException("'" + relative + "' leaves " + base);
    return p;
  }
}
