package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongHashSetTest {
  @Test
  void remembersEveryHashAcrossGrowthIncludingZero() {
    LongHashSet set = new LongHashSet();
    List<Boolean> firstAdds = new ArrayList<>();
    for (long i = 0; i < 100_000; i++) firstAdds.add(set.add(i * 0x9E3779B97F4A7C15L));
    assertThat(firstAdds).containsOnly(true);
    assertThat(set.size()).isEqualTo(100_000);
    assertThat(set.add(0)).isFalse();
    assertThat(set.add(99_999 * 0x9E3779B97F4A7C15L)).isFalse();
    assertThat(set.contains(5 * 0x9E3779B97F4A7C15L)).isTrue();
    assertThat(set.contains(100_000 * 0x9E3779B97F4A7C15L)).isFalse();
    assertThat(set.contains(1)).isFalse();
  }

  @Test
  void hashesTheUtf8BytesOfAString() {
    assertThat(LongHashSet.hash("2024/10/kursk-0123456789ab.txt")).isEqualTo(LongHashSet.hash("2024/10/kursk-0123456789ab.txt"));
    assertThat(LongHashSet.hash("a")).isNotEqualTo(LongHashSet.hash("b"));
    assertThat(LongHashSet.hash("é")).isNotEqualTo(LongHashSet.hash("e"));
  }

  @Test
  void containsAllOfAnotherSetOnlyWhenNoMemberIsMissingZeroIncluded() {
    LongHashSet big = new LongHashSet();
    LongHashSet small = new LongHashSet();
    for (long h = 1; h <= 5000; h++) big.add(h * 0x9E3779B97F4A7C15L);
    for (long h = 1; h <= 5000; h += 7) small.add(h * 0x9E3779B97F4A7C15L);
    assertThat(big.containsAll(small)).isTrue();
    assertThat(big.containsAll(new LongHashSet())).isTrue();
    small.add(0);
    assertThat(big.containsAll(small)).isFalse();
    big.add(0);
    assertThat(big.containsAll(small)).isTrue();
    small.add(5001 * 0x9E3779B97F4A7C15L);
    assertThat(big.containsAll(small)).isFalse();
    assertThat(small.containsAll(big)).isFalse();
  }
}
