package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.newsarchiver.fetch.FetchResponse;

class WarcCaptureTest {
  private static final String PAGE = "<html><title>Kursk</title><p>Troops — “now”.</p></html>";

  @TempDir Path root;

  private void capture(RawCapture.Factory factory, FetchResponse r, String articleId) throws IOException {
    try (SiteArchive archive = SiteArchive.open(root, "news");
        RawCapture c = factory.open(archive)) {
      c.record(r, articleId);
    }
  }

  private List<WarcRecord> readAll(Path file) throws IOException {
    List<WarcRecord> out = new ArrayList<>();
    try (WarcReader reader = new WarcReader(file)) {
      for (WarcRecord r : reader) {
        r.body().consume();
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void writesRequestResponseAndMetadataThatJwarcReadsBack() throws Exception {
    FetchResponse r = Exchanges.html("https://news.example/world/kursk?page=2", PAGE);
    capture(WarcCapture.factory(), r, "kursk-0123456789ab");
    List<Path> files = WarcFiles.list(root.resolve("news"));
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("2024-11-02-1.warc.gz");
    try (WarcReader reader = new WarcReader(files.get(0))) {
      WarcRecord info = reader.next().orElseThrow();
      assertThat(info.type()).isEqualTo("warcinfo");
      WarcRequest request = (WarcRequest) reader.next().orElseThrow();
      assertThat(new String(request.body().stream().readAllBytes(), StandardCharsets.ISO_8859_1))
          .isEqualTo("GET /world/kursk?page=2 HTTP/1.1\r\nHost: news.example\r\n"
              + "User-Agent: news-archiver-test\r\nAccept: text/html\r\n\r\n");
      WarcResponse response = (WarcResponse) reader.next().orElseThrow();
      assertThat(request.concurrentTo()).containsExactly(response.id());
      assertThat(response.target()).isEqualTo("https://news.example/world/kursk?page=2");
      assertThat(response.date()).isEqualTo(Exchanges.AT);
      HttpResponse http = response.http();
      assertThat(http.status()).isEqualTo(200);
      assertThat(new String(http.serializeHeader(), StandardCharsets.ISO_8859_1))
          .isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nX-Served-By: cache-1\r\n"
              + "Content-Length: " + r.body().length + "\r\n\r\n");
      assertThat(http.headers().first("Content-Length")).contains(Integer.toString(r.body().length));
      assertThat(http.body().stream().readAllBytes()).isEqualTo(r.body());
      assertThat(response.payloadDigest()).contains(WarcCapture.sha1(r.body()));
      assertThat(response.payload().orElseThrow().digest()).contains(WarcCapture.sha1(r.body()));
      WarcMetadata meta = (WarcMetadata) reader.next().orElseThrow();
      assertThat(meta.concurrentTo()).containsExactly(response.id());
      assertThat(meta.headers().first("WARC-Refers-To")).contains("<" + response.id() + ">");
      assertThat(meta.fields().all("article-id")).containsExactly("kursk-0123456789ab");
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void blockDigestsMatchWhatIsStored() throws Exception {
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/a", PAGE), null);
    List<String> checked = new ArrayList<>();
    try (WarcReader reader = new WarcReader(WarcFiles.list(root.resolve("news")).get(0))) {
      reader.calculateBlockDigest();
      for (WarcRecord rec : reader) {
        if (rec.blockDigest().isEmpty()) continue;
        assertThat(rec.calculatedBlockDigest()).as(rec.type()).isEqualTo(rec.blockDigest());
        checked.add(rec.type());
      }
    }
    assertThat(checked).containsExactly("request", "response");
  }

  @Test
  void unchangedContentIsARevisitOfTheFirstCaptureEvenInALaterRun() throws Exception {
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/a", PAGE), "a-0123456789ab");
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/a", PAGE, Exchanges.AT.plusSeconds(3600)), null);
    List<Path> files = WarcFiles.list(root.resolve("news"));
    assertThat(files).hasSize(1);
    List<WarcRecord> all = readAll(files.get(0));
    assertThat(all).extracting(WarcRecord::type)
        .containsExactly("warcinfo", "request", "response", "metadata", "request", "revisit");
    WarcResponse first = (WarcResponse) all.get(2);
    WarcRevisit revisit = (WarcRevisit) all.get(5);
    assertThat(revisit.profile()).isEqualTo(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1);
    assertThat(revisit.refersTo()).contains(first.id());
    assertThat(revisit.refersToDate()).contains(Exchanges.AT);
    assertThat(revisit.payloadDigest()).isEqualTo(first.payloadDigest());
  }

  @Test
  void rebuildsTheDigestIndexFromTheWarcsWhenItIsMissing() throws Exception {
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/a", PAGE), null);
    Files.delete(root.resolve("news/warc/digests.tsv"));
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/a", PAGE), null);
    assertThat(readAll(WarcFiles.list(root.resolve("news")).get(0))).extracting(WarcRecord::type)
        .containsExactly("warcinfo", "request", "response", "request", "revisit");
    assertThat(Files.readAllLines(root.resolve("news/warc/digests.tsv"))).hasSize(1);
  }

  @Test
  void changedContentIsAFullResponseAgain() throws Exception {
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/a", PAGE), null);
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/a", PAGE + "<p>Update</p>"), null);
    assertThat(readAll(WarcFiles.list(root.resolve("news")).get(0))).extracting(WarcRecord::type)
        .containsExactly("warcinfo", "request", "response", "request", "response");
  }

  @Test
  void rollsToANewFileStartingWithWarcinfoAtTheConfiguredSize() throws Exception {
    try (SiteArchive archive = SiteArchive.open(root, "news");
        RawCapture c = WarcCapture.factory(1500).open(archive)) {
      for (int i = 0; i < 3; i++) c.record(Exchanges.html("https://news.example/" + i, PAGE + i), null);
    }
    List<Path> files = WarcFiles.list(root.resolve("news"));
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("2024-11-02-1.warc.gz", "2024-11-02-2.warc.gz", "2024-11-02-3.warc.gz");
    for (Path f : files) {
      assertThat(readAll(f)).extracting(WarcRecord::type).containsExactly("warcinfo", "request", "response");
    }
  }

  @Test
  void twoRunsOnOneDayShareAFileThatJwarcReadsBackWithMatchingDigests() throws Exception {
    FetchResponse a = Exchanges.html("https://news.example/a", PAGE);
    FetchResponse b = Exchanges.html("https://news.example/b", PAGE + "<p>b</p>", Exchanges.AT.plusSeconds(7200));
    capture(WarcCapture.factory(), a, "a-0123456789ab");
    capture(WarcCapture.factory(), b, "b-0123456789ab");
    List<Path> files = WarcFiles.list(root.resolve("news"));
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("2024-11-02-1.warc.gz");
    List<String> read = new ArrayList<>();
    try (WarcReader reader = new WarcReader(files.get(0))) {
      reader.calculateBlockDigest();
      for (WarcRecord rec : reader) {
        String line = rec.type();
        String after = "";
        if (rec instanceof WarcResponse r) {
          byte[] payload = r.http().body().stream().readAllBytes();
          assertThat(r.payloadDigest()).contains(WarcCapture.sha1(payload));
          after = " " + r.target() + " " + new String(payload, StandardCharsets.UTF_8);
        }
        if (rec instanceof WarcMetadata m) after = " " + m.fields().all("article-id");
        rec.body().consume();
        if (rec.blockDigest().isPresent()) {
          assertThat(rec.calculatedBlockDigest()).as(rec.type()).isEqualTo(rec.blockDigest());
          line += " block-digest-ok";
        }
        read.add(line + after);
      }
    }
    assertThat(read).containsExactly("warcinfo",
        "request block-digest-ok", "response block-digest-ok https://news.example/a " + PAGE, "metadata [a-0123456789ab]",
        "request block-digest-ok", "response block-digest-ok https://news.example/b " + PAGE + "<p>b</p>",
        "metadata [b-0123456789ab]");
  }

  @Test
  void aFileTornByAKillIsNotExtendedTheNextRunStartsTheNextNumber() throws Exception {
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/a", PAGE), "a-0123456789ab");
    Path first = root.resolve("news/warc/2024-11-02-1.warc.gz");
    try (FileChannel ch = FileChannel.open(first, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(first) - 30);
    }
    byte[] torn = Files.readAllBytes(first);
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/b", PAGE + "b"), null);
    assertThat(WarcFiles.list(root.resolve("news"))).extracting(p -> p.getFileName().toString())
        .containsExactly("2024-11-02-1.warc.gz", "2024-11-02-2.warc.gz");
    assertThat(Files.readAllBytes(first)).isEqualTo(torn);
    assertThat(readAll(root.resolve("news/warc/2024-11-02-2.warc.gz"))).extracting(WarcRecord::type)
        .containsExactly("warcinfo", "request", "response");
    // the run after that continues the whole file, not the torn one
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/c", PAGE + "c"), null);
    assertThat(WarcFiles.list(root.resolve("news"))).hasSize(2);
    assertThat(readAll(root.resolve("news/warc/2024-11-02-2.warc.gz"))).extracting(WarcRecord::type)
        .containsExactly("warcinfo", "request", "response", "request", "response");
  }

  @Test
  void aFullFileIsNotContinuedByTheNextRun() throws Exception {
    capture(WarcCapture.factory(1500), Exchanges.html("https://news.example/a", PAGE), null);
    capture(WarcCapture.factory(1500), Exchanges.html("https://news.example/b", PAGE + "b"), null);
    List<Path> files = WarcFiles.list(root.resolve("news"));
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("2024-11-02-1.warc.gz", "2024-11-02-2.warc.gz");
    for (Path f : files) {
      assertThat(Files.size(f)).isLessThanOrEqualTo(1500);
      assertThat(readAll(f)).extracting(WarcRecord::type).containsExactly("warcinfo", "request", "response");
    }
  }

  @Test
  void aNewDayStartsItsOwnFileEvenWithinARun() throws Exception {
    capture(WarcCapture.factory(), Exchanges.html("https://news.example/a", PAGE), null);
    try (SiteArchive archive = SiteArchive.open(root, "news");
        RawCapture c = WarcCapture.factory().open(archive)) {
      c.record(Exchanges.html("https://news.example/b", PAGE + "b"), null);
      c.record(Exchanges.html("https://news.example/c", PAGE + "c", Exchanges.AT.plusSeconds(86_400)), null);
    }
    List<Path> files = WarcFiles.list(root.resolve("news"));
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("2024-11-02-1.warc.gz", "2024-11-03-1.warc.gz");
    assertThat(readAll(files.get(0))).extracting(WarcRecord::type)
        .containsExactly("warcinfo", "request", "response", "request", "response");
    assertThat(readAll(files.get(1))).extracting(WarcRecord::type).containsExactly("warcinfo", "request", "response");
  }

  @Test
  void aFileCutMidRecordStillYieldsEveryWholeRecordBeforeTheCut() throws Exception {
    try (SiteArchive archive = SiteArchive.open(root, "news");
        RawCapture c = WarcCapture.factory().open(archive)) {
      c.record(Exchanges.html("https://news.example/a", PAGE), "a-0123456789ab");
      c.record(Exchanges.html("https://news.example/b", PAGE + "b"), null);
    }
    Path file = WarcFiles.list(root.resolve("news")).get(0);
    long whole = Files.size(file);
    List<WarcRecord> all = readAll(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(whole - 40);
    }
    List<String> types = new ArrayList<>();
    WarcFiles.Scan scan = WarcFiles.scan(file, (rec, block) -> types.add(rec.type() + " " + rec.id()));
    assertThat(types).containsExactly(
        all.subList(0, 5).stream().map(r -> r.type() + " " + r.id()).toArray(String[]::new));
    assertThat(scan.complete()).isFalse();
    assertThat(scan.records()).isEqualTo(5);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(scan.wholeBytes());
    }
    assertThat(readAll(file)).hasSize(5);
    assertThat(WarcFiles.scan(file, (rec, block) -> {}).complete()).isTrue();
  }
}
