package org.newsarchiver.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.newsarchiver.config.ConfigException;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
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

  /** The named site's config; a refused or missing config is a {@link ConfigException} (exit 2). */
  SiteConfig site(String name) throws IOException, ConfigException {
    SiteConfigLoader.Loaded loaded = new SiteConfigLoader().loadAll(sites);
    var site = loaded.byName(name);
    if (site.isPresent()) return site.get();
    var error = loaded.errorFor(name);
    if (error.isPresent()) throw error.get();
    throw new ConfigException(
        sites.resolve(name + ".yaml").toString(), "no such site config; run 'news-archiver sites' to list them");
  }
}
