package org.newsarchiver.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A YAML mapping being read field by field: knows its path for messages, and refuses keys that no
 * reader asked for, so a misspelt key is an error instead of a silent default.
 */
final class ConfigNode {
  private final String file;
  private final String path;
  private final JsonNode node;
  private final Set<String> known = new TreeSet<>();

  ConfigNode(String file, String path, JsonNode node) throws ConfigException {
    this.file = file;
    this.path = path;
    this.node = node;
    if (!node.isObject()) {
      throw error(path.isEmpty() ? "(top level)" : path, "must be a mapping of field: value");
    }
  }

  String field(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  ConfigException error(String field, String message) {
    return new ConfigException(file, field + ": " + message);
  }

  @Nullable String optionalText(String name) throws ConfigException {
    known.add(name);
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) return null;
    if (!v.isValueNode() || v.isBinary()) {
      throw error(field(name), "must be a single value, not a list or mapping");
    }
    String text = v.asText().strip();
    return text.isEmpty() ? null : text;
  }

  String requiredText(String name, String example) throws ConfigException {
    String text = optionalText(name);
    if (text == null) {
      throw error(field(name), "missing required field; add e.g. " + name + ": " + example);
    }
    return text;
  }

  /** A list of strings; a single string is accepted as a list of one. */
  List<String> textList(String name) throws ConfigException {
    known.add(name);
    JsonNode v = node.get(name);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) return out;
    if (v.isValueNode()) {
      if (!v.asText().isBlank()) out.add(v.asText().strip());
      return out;
    }
    if (!v.isArray()) throw error(field(name), "must be a list of strings");
    int i = 0;
    for (JsonNode item : v) {
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        throw error(field(name) + "[" + i + "]", "must be a non-empty string");
      }
      out.add(item.asText().strip());
      i++;
    }
    return out;
  }

  int integer(String name, int dflt, int min, int max) throws ConfigException {
    String text = optionalText(name);
    if (text == null) return dflt;
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw error(field(name), value + " is outside " + min + ".." + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw error(field(name), "'" + text + "' is not a whole number");
    }
  }

  @Nullable ConfigNode child(String name) throws ConfigException {
    known.add(name);
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) return null;
    return new ConfigNode(file, field(name), v);
  }

  /** Fails on the first key that no reader asked for, listing the keys that exist. */
  void rejectUnknown() throws ConfigException {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw error(field(key), "unknown field; known fields here are " + String.join(", ", known));
      }
    }
  }
}
