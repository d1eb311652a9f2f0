package org.newsarchiver.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterDatabaseTest {

  @Test
  void thePooledUrlCarriesTheNodesTimeoutsAndKeepsThoseTheUserSet() {
    assertThat(new ClusterDatabase("jdbc:postgresql://db:5432/archive", "u", "p").pooledUrl())
        .isEqualTo("jdbc:postgresql://db:5432/archive?connectTimeout=10&loginTimeout=10&socketTimeout=60&tcpKeepAlive=true");
    assertThat(new ClusterDatabase("jdbc:postgresql://db/archive?ssl=true&socketTimeout=300", "u", "p").pooledUrl())
        .isEqualTo("jdbc:postgresql://db/archive?ssl=true&socketTimeout=300&connectTimeout=10&loginTimeout=10&tcpKeepAlive=true");
  }

  @Test
  void thePasswordIsNeverPrinted() {
    assertThat(new ClusterDatabase("jdbc:postgresql://db/archive", "news", "s3cret")).hasToString("jdbc:postgresql://db/archive (user news)");
  }
}
