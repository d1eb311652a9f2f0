package org.newsarchiver.cli;

/** The exit codes every command uses, documented in README. */
public final class ExitCodes {
  /** Everything done. */
  public static final int OK = 0;
  /** Done, but some pages failed; each has an error line on stderr. */
  public static final int PAGES_FAILED = 1;
  /** Bad command line or bad site config. */
  public static final int USAGE = 2;
  /** The run could not go on: disk full, archive locked, archive unreadable. */
  public static final int FATAL = 3;

  private ExitCodes() {}
}
