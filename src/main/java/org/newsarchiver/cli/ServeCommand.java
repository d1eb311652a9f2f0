package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.web.WebServer;
import org.quartz.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Serves the read-only web view of the archive until Ctrl-C / SIGTERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a read-only web view of the archive.",
      "Sites and their health, search, articles with their read-count history and versions, "
          + "downloads, and the same as JSON under /api/.",
      "Listens on loopback only unless --bind names another address."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback). Another address, e.g. 0.0.0.0, exposes the archive to the network.")
  String bind;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "Worker threads, 1-64 (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) throw new ParameterException(spec.commandLine(), "--port: must be 0 to 65535, was " + port);
    if (threads < 1 || threads > 64) throw new ParameterException(spec.commandLine(), "--threads: must be 1 to 64, was " + threads);
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--bind: '" + bind + "' is not an address of this machine");
    }
    WebServer server;
    try {
      server = WebServer.start(new WebServer.Options(common.archive, common.sites, address, port, threads,
          Clock.systemUTC(), ServeCommand::nextRun));
    } catch (BindException e) {
      throw new ParameterException(spec.commandLine(), "cannot listen on " + bind + ":" + port + " (" + e.getMessage()
          + "); pick another --port");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!address.isLoopbackAddress()) {
      spec.commandLine().getErr().println("warning: serving on " + bind + ", reachable from other machines");
      spec.commandLine().getErr().flush();
    }
    out.println("serving " + common.archive + " at " + server.address() + " (Ctrl-C stops)");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (java.io.IOException e) {
        // the process is ending anyway
      }
      stopped.countDown();
    }, "serve-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }

  /** The next fire time of a Quartz cron expression, or null when it never fires again or does not parse. */
  static @Nullable Instant nextRun(String schedule, Instant now) {
    try {
      Date next = new CronExpression(schedule).getNextValidTimeAfter(Date.from(now));
      return next == null ? null : next.toInstant();
    } catch (ParseException e) {
      return null;
    }
  }
}
