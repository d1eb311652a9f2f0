package org.newsarchiver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsarchiver.schedule.ClusterDatabase;
import org.newsarchiver.schedule.ClusterStatus;
import org.newsarchiver.schedule.QuartzSchema;
import org.newsarchiver.schedule.Reconciler;

/**
 * The reconciler lock against a real PostgreSQL: one holder per cluster, and two clusters kept in
 * separate schemas of one database (as concurrent test runs are) each have their own.
 */
class ReconcilerIT {
  final TestDatabase first = TestDatabase.fresh();
  final TestDatabase second = TestDatabase.fresh();

  @AfterEach
  void tearDown() throws Exception {
    first.drop();
    second.drop();
  }

  @Test
  void eachSchemaOfOneDatabaseHasItsOwnReconciler() throws Exception {
    try (Reconciler a1 = new Reconciler(cluster(first), "a-1");
        Reconciler a2 = new Reconciler(cluster(first), "a-2");
        Reconciler b1 = new Reconciler(cluster(second), "b-1")) {
      assertThat(a1.holds()).as("a-1 takes the lock of its cluster").isTrue();
      assertThat(a2.holds()).as("a-2 finds it held").isFalse();
      assertThat(b1.holds()).as("b-1 takes the lock of the other cluster").isTrue();
      assertThat(reconciler(first)).isEqualTo("a-1");
      assertThat(reconciler(second)).isEqualTo("b-1");

      // The server frees the lock when a-1's backend has ended, a moment after its client closed.
      a1.close();
      await().atMost(Duration.ofSeconds(10)).until(a2::holds);
      assertThat(reconciler(first)).isEqualTo("a-2");
    }
  }

  private static ClusterDatabase cluster(TestDatabase db) {
    return new ClusterDatabase(db.url(), db.user(), db.password());
  }

  private static String reconciler(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      QuartzSchema.ensure(c);
      return ClusterStatus.read(c).reconciler();
    }
  }
}
