package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.newsarchiver.config.ConfigException;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists the site configs and validates them. */
@Command(
    name = "sites",
    mixinStandardHelpOptions = true,
    description = "List the site configs and validate them; exit 2 if any is refused.")
final class SitesCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SiteConfigLoader.Loaded loaded = new SiteConfigLoader().loadAll(common.sites);
    PrintWriter out = spec.commandLine().getOut();
    for (SiteConfig s : loaded.sites()) {
      out.printf(
          "%-28s %-40s %d start page(s), %d feed(s), %d sitemap(s), schedule '%s'%n",
          s.name(), s.baseUrl(), s.startPages().size(), s.feeds().size(), s.sitemaps().size(), s.schedule());
    }
    out.printf("%d site(s) ok, %d refused%n", loaded.sites().size(), loaded.errors().size());
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (ConfigException e : loaded.errors()) err.println("error config " + e.getMessage());
    err.flush();
    return loaded.errors().isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
  }
}
