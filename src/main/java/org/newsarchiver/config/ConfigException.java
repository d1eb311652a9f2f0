package org.newsarchiver.config;

/** A site configuration that cannot be used; the message names the file, the field and the fix. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;

  public ConfigException(String file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  /** The config file as the user named it, e.g. {@code sites/foo.yaml}. */
  public String file() {
    return file;
  }
}
