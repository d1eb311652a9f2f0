package org.newsarchiver.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * A row as one string in {@link ArchiveIndex}: each cell as its length, a colon and the cell, so no
 * character needs escaping and decoding is one pass without a CSV parser.
 */
final class RowCodec {
  private RowCodec() {}

  static String encode(ArchiveRow row) {
    StringBuilder out = new StringBuilder(256);
    for (String cell : row.cells()) out.append(cell.length()).append(':').append(cell);
    return out.toString();
  }

  static ArchiveRow decode(String s) {
    List<String> cells = new ArrayList<>(ArchiveRow.COLUMNS.size());
    int i = 0;
    while (i < s.length()) {
      int colon = s.indexOf(':', i);
      int len = Integer.parseInt(s, i, colon, 10);
      cells.add(s.substring(colon + 1, colon + 1 + len));
      i = colon + 1 + len;
    }
    return ArchiveRow.fromCells(cells);
  }
}
