package org.newsarchiver.crash;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A news site of numbered stories on WireMock: a listing at {@code /news/} linking every story,
 * and each story's page built from its number, so that each has its own text and digest.
 *
 * <p>Not the JDK's {@code com.sun.net.httpserver}: that server sends a response's headers and body
 * as two writes, and without TCP_NODELAY the body waits for the client's delayed ACK (40 ms on
 * Linux) on every reused connection. Its only switch, {@code sun.net.httpserver.nodelay}, is read
 * once per JVM when the first such server is created, so setting it in a test worked only when no
 * other test (the web view's) had started one before. Jetty sets TCP_NODELAY on each connection
 * it accepts, whatever ran before.
 */
final class NewsSite implements AutoCloseable {
  static final Pattern ARTICLE = Pattern.compile("/news/(\\d+)-story");

  private final WireMockServer server;

  NewsSite(int articles) {
    // No request journal: a crash run sends tens of thousands of requests, none of them checked.
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal()
        .gzipDisabled(true).extensions(new Pages(articles)));
    server.start();
    server.stubFor(get(urlPathMatching("/news/(\\d+-story)?")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html; charset=utf-8").withTransformers(Pages.NAME)));
    // Anything else (robots.txt) is a plain 404, without WireMock's near-miss report on every run.
    server.stubFor(get(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
  }

  /** The site's root, e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The listing of stories 1 to {@code articles}. */
  static String listing(int articles) {
    StringBuilder b = new StringBuilder("<html><head><title>News</title></head><body><ul>");
    for (int i = 1; i <= articles; i++) b.append("<li><a href='/news/").append(i).append("-story'>Story ").append(i).append("</a></li>");
    return b.append("</ul></body></html>").toString();
  }

  /** Story {@code n}: a title, a date and two paragraphs that name the story. */
  static String story(int n) {
    return "<html lang=en><head><title>Story " + n + "</title></head><body><article><h1>Story number " + n + "</h1>"
        + "<p class=date>" + (1 + n % 28) + " October 2024</p><div class=body>"
        + "<p>Paragraph one of story " + n + ", long enough to count as the body text of a real article.</p>"
        + "<p>Paragraph two of story " + n + " says something else, so each text has its own digest.</p>"
        + "</div></article></body></html>";
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Fills in the listing or the story the path names; a story number out of range is a 404. */
  private static final class Pages implements ResponseDefinitionTransformerV2 {
    static final String NAME = "news-pages";
    private final int articles;
    private final String listing;

    Pages(int articles) {
      this.articles = articles;
      this.listing = listing(articles);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String path = URI.create(event.getRequest().getUrl()).getPath();
      ResponseDefinitionBuilder page = ResponseDefinitionBuilder.like(event.getResponseDefinition());
      if (path.equals("/news/")) return page.withBody(listing).build();
      Matcher m = ARTICLE.matcher(path);
      int n = m.matches() && m.group(1).length() <= 9 ? Integer.parseInt(m.group(1)) : 0;
      if (n < 1 || n > articles) return aResponse().withStatus(404).build();
      return page.withBody(story(n)).build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }
}
