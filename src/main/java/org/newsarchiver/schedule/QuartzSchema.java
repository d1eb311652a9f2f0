package org.newsarchiver.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Creates Quartz's tables in a PostgreSQL database from the script Quartz ships in its jar, so a
 * cluster needs no manual set-up. Idempotent: each table and index is created only if missing (a
 * newer Quartz's extra tables are added to an older schema), all in one transaction under an
 * advisory lock, so nodes starting at once neither race nor see half a schema. Columns changed by
 * a future Quartz version are not migrated. Not for other databases.
 */
public final class QuartzSchema {
  /** The script inside the Quartz jar. */
  static final String SCRIPT = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
  /** Advisory lock keys of news-archiver ("newsarch" as hex digits); the schema lock. */
  static final long SCHEMA_LOCK = 0x6e65_7773_6172_6301L;

  private static final Pattern CREATE_TABLE = Pattern.compile("(?i)^CREATE TABLE (?!IF NOT EXISTS)");
  private static final Pattern CREATE_INDEX = Pattern.compile("(?i)^CREATE INDEX (?!IF NOT EXISTS)");

  private QuartzSchema() {}

  /** Creates whatever tables and indexes are missing; returns how many statements ran. */
  public static int ensure(Connection c) throws SQLException, IOException {
    List<String> statements = statements();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
      for (String sql : statements) s.execute(sql);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return statements.size();
  }

  /** The script's CREATE statements made idempotent; its DROPs and COMMIT are left out. */
  static List<String> statements() throws IOException {
    String script;
    try (InputStream in = QuartzSchema.class.getResourceAsStream(SCRIPT)) {
      if (in == null) throw new IOException(SCRIPT + ": not on the class path; the Quartz jar is incomplete");
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder clean = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) clean.append(line).append('\n');
    }
    List<String> out = new ArrayList<>();
    for (String raw : clean.toString().split(";")) {
      String sql = raw.strip();
      String upper = sql.toUpperCase(Locale.ROOT);
      if (upper.startsWith("CREATE TABLE")) out.add(CREATE_TABLE.matcher(sql).replaceFirst("CREATE TABLE IF NOT EXISTS "));
      else if (upper.startsWith("CREATE INDEX")) out.add(CREATE_INDEX.matcher(sql).replaceFirst("CREATE INDEX IF NOT EXISTS "));
    }
    if (out.isEmpty()) throw new IOException(SCRIPT + ": no CREATE statements found");
    return out;
  }
}
