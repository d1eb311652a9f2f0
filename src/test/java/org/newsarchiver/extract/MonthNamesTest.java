package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthNamesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "October, 10", "OCT., 10", "octobre, 10", "Oktober, 10", "octubre, 10", "ottobre, 10",
    "outubro, 10", "oktober, 10", "октября, 10", "Октябрь, 10", "жовтня, 10", "հոկտեմբերի, 10",
    "Ekim, 10", "أكتوبر, 10", "تشرين الأول, 10", "października, 10", "MAYIS, 5", "Mayıs, 5",
    "März, 3", "févr, 2", "Dez, 12"
  })
  void knowsMonthInManyLanguagesAndCases(String name, int month) {
    assertThat(MonthNames.month(name)).isEqualTo(month);
  }

  @Test
  void returnsNullForOtherWords() {
    assertThat(MonthNames.month("Posted")).isNull();
  }
}
