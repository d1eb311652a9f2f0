package org.newsarchiver.extract;

import java.net.URI;
import java.time.Instant;

/**
 * A page as the extractor sees it: its decoded HTML, the URL it came from (base for relative links)
 * and when it was fetched (the "now" of relative dates such as "2 hours ago").
 */
public record HtmlPage(URI url, String html, Instant fetchedAt) {}
