package org.newsarchiver.sites;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpectedDayTest {

  @Test
  void dayPrecisionNeedsTheSameDatePart() {
    ExpectedDay day = new ExpectedDay("2016-10-04", "day");

    assertThat(day.accepts("2016-10-04")).isTrue();
    assertThat(day.accepts("2016-10-04T23:30:00-05:00")).isTrue();
    assertThat(day.accepts("2016-10-05")).isFalse();
    assertThat(day.accepts(null)).isFalse();
  }

  @Test
  void instantUtcAcceptsEveryDayTheInstantFallsOnBetweenMinus12AndPlus14() {
    ExpectedDay day = new ExpectedDay("2016-11-29T03:33:08.000Z", "instant-utc");

    assertThat(day.accepts("2016-11-28")).isTrue();
    assertThat(day.accepts("2016-11-29T03:33:08Z")).isTrue();
    assertThat(day.accepts("2016-11-30")).isFalse();
    assertThat(day.accepts("2016-11-27")).isFalse();
  }

  @Test
  void instantAcceptsAPredictionOnThatDayAtTheReferenceOffset() {
    ExpectedDay day = new ExpectedDay("2021-11-01T10:52:50+01:00", "instant");

    assertThat(day.accepts("2021-11-01")).isTrue();
    assertThat(day.accepts("2021-10-31T23:30:00Z")).isTrue();
    assertThat(day.accepts("2021-10-31")).isFalse();
  }
}
