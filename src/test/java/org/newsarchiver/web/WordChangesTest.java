package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsarchiver.web.WordChanges.Kind;
import org.newsarchiver.web.WordChanges.Run;

class WordChangesTest {
  @Test
  void placesRemovedAndAddedWordsBetweenKeptOnes() {
    assertThat(WordChanges.between("The mayor said on Monday the bridge opens in May.",
        "The mayor said on Tuesday the new bridge opens in June."))
        .containsExactly(new Run(Kind.SAME, "The mayor said on"), new Run(Kind.REMOVED, "Monday"), new Run(Kind.ADDED, "Tuesday"),
            new Run(Kind.SAME, "the"), new Run(Kind.ADDED, "new"), new Run(Kind.SAME, "bridge opens in"),
            new Run(Kind.REMOVED, "May."), new Run(Kind.ADDED, "June."));
  }

  @Test
  void identicalAndEmptyTextsGiveOneRunOrNone() {
    assertThat(WordChanges.between("a  b\n\nc", "a b c")).containsExactly(new Run(Kind.SAME, "a b c"));
    assertThat(WordChanges.between("", "")).isEmpty();
    assertThat(WordChanges.between("", "new text")).containsExactly(new Run(Kind.ADDED, "new text"));
  }

  @Test
  void aMiddleTooLargeForTheTableIsShownRemovedThenAddedWhole() {
    String before = "start " + "x ".repeat(2100) + "end";
    String after = "start " + "y ".repeat(2100) + "end";
    List<Run> runs = WordChanges.between(before, after);
    assertThat(runs).extracting(Run::kind).containsExactly(Kind.SAME, Kind.REMOVED, Kind.ADDED, Kind.SAME);
    assertThat(runs.get(1).words()).isEqualTo(("x ".repeat(2100)).strip());
  }
}
