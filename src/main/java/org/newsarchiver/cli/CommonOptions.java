package org.newsarchiver.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that every command that reads configs or the archive shares. */
final class CommonOptions {
  @Option(
      names = "--archive",
      paramLabel = "DIR",
      description = "Archive root folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "archive")
  Path archive;

  @Option(
      names = "--sites",
      paramLabel = "DIR",
      description = "Folder of site configs (default: ${DEFAULT-VALUE}).",
      defaultValue = "sites")
  Path sites;

  @Option(
      names = "--allow-private",
      description =
          "Let redirects and discovered links reach loopback, link-local and private addresses"
              + " (intranets, tests). Off by default: a URL you name is fetched anyway.")
  boolean allowPrivate;
}
