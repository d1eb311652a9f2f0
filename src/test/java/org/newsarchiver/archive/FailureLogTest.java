package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureLogTest {
  static final Instant T = Instant.parse("2024-11-02T09:30:00Z");
  static final String URL = "https://news.example/a";

  @TempDir Path dir;

  @Test
  void doublesTheWaitAfterEachFailureAndGivesUpAfterTheLastAttemptKeepingTheReason() throws Exception {
    FailureLog log = FailureLog.load(dir, 3, Duration.ofHours(1));
    assertThat(log.failed(URL, "timeout", "read timeout", T).nextAttempt()).isEqualTo(T.plus(Duration.ofHours(1)));
    assertThat(log.failed(URL, "http-5xx", "HTTP 503", T).nextAttempt()).isEqualTo(T.plus(Duration.ofHours(2)));
    FailureLog.Failure last = log.failed(URL, "http-4xx", "HTTP 404 Not Found", T);
    log.save();

    FailureLog again = FailureLog.load(dir, 3, Duration.ofHours(1));
    assertThat(again.get(URL)).isEqualTo(new FailureLog.Failure(URL, "http-4xx", "HTTP 404 Not Found", 3, T, null));
    assertThat(last.nextAttempt()).isNull();
    assertThat(again.mayTry(URL, T.plus(Duration.ofDays(365)))).isFalse();
  }

  @Test
  void forgetsAUrlThatSucceeded() throws Exception {
    FailureLog log = FailureLog.load(dir, 5, Duration.ofHours(1));
    log.failed(URL, "timeout", "read timeout", T);
    log.succeeded(URL);
    assertThat(log.mayTry(URL, T)).isTrue();
    assertThat(log.get(URL)).isNull();
  }

  @Test
  void validatorsSurviveAReloadAndTabsInHeadersCannotBreakTheFile() throws Exception {
    ValidatorStore v = ValidatorStore.load(dir);
    v.put("https://news.example/", "\"a\tb\"", null);
    v.save();
    assertThat(ValidatorStore.load(dir).get("https://news.example/"))
        .isEqualTo(new ValidatorStore.Validators("\"a b\"", null));
  }
}
