package org.newsarchiver.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.cli.EvaluateCommand;
import picocli.CommandLine;

class CorpusEvaluationTest {
  private static final String PAGE =
      "<html lang='en'><head><title>Ferry fares to rise | Harbour News</title>"
          + "<meta property='og:site_name' content='Harbour News'><meta name='author' content='Ann Lee'></head>"
          + "<body><article><h1>Ferry fares to rise</h1>"
          + "<p>Ferry fares will rise by ten percent in April, the operator said on Monday, citing fuel costs.</p>"
          + "<p>Season tickets are not affected until the summer, when a new timetable begins.</p>"
          + "</article></body></html>";

  private static Path corpus(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("pages"));
    Files.writeString(dir.resolve("pages/rd-ferry.html"), PAGE, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("expected.jsonl"),
        "{\"id\": \"rd-ferry\", \"file\": \"pages/rd-ferry.html\", \"url\": \"https://harbour.example/ferry\","
            + " \"title\": \"Ferry fares to rise\", \"author\": \"Ann Lee\","
            + " \"text\": \"Ferry fares will rise by ten percent in April, the operator said on Monday, citing fuel"
            + " costs.\\nSeason tickets are not affected until the summer, when a new timetable begins.\"}\n",
        StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void scoresEveryFieldThePageHasAReferenceFor(@TempDir Path dir) throws Exception {
    CorpusEvaluation.Report report = new CorpusEvaluation(corpus(dir)).run();
    Tally rd = report.tally("rd");
    assertThat(List.of(rd.pages(), rd.noOutput(), rd.noDate())).containsExactly(1, 0, 0);
    assertThat(List.of(rd.title(), rd.f1(), rd.author())).containsExactly(1.0, 1.0, 1.0);
    assertThat(rd.date()).isNaN();
  }

  @Test
  void evaluateCommandPrintsFiguresAndWritesOnePageRow(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out/pages.tsv");
    StringWriter printed = new StringWriter();
    CommandLine cli = new CommandLine(new EvaluateCommand()).setOut(new PrintWriter(printed));
    int exit = cli.execute("--corpus", corpus(dir).toString(), "--out", out.toString());
    assertThat(exit).isZero();
    assertThat(printed.toString().lines().findFirst().orElseThrow())
        .isEqualTo(
            "rd   pages   1 | title 1.000 (1/1) | date n/a (strict utc n/a, no date 0) | body F1 1.000 over 1"
                + " | prefix n/a | author 1.000 (1/1) | no output 0");
    List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).startsWith("rd-ferry\tok\t1\t\t\t1.000\t\t1\t0\tFerry fares to rise\t\tAnn Lee\t");
  }

  @Test
  void failsNamingTheFolderWithoutACorpus(@TempDir Path dir) {
    StringWriter errors = new StringWriter();
    CommandLine cli = new CommandLine(new EvaluateCommand()).setErr(new PrintWriter(errors));
    int exit = cli.execute("--corpus", dir.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(errors.toString()).contains("expected.jsonl").contains("pass --corpus DIR");
  }
}
