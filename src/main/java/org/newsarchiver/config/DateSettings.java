package org.newsarchiver.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a site writes its dates: {@link java.time.format.DateTimeFormatter} patterns tried in order,
 * the locale of month names, and the zone of times that carry no offset ({@code null}: keep them
 * as local times).
 */
public record DateSettings(List<String> formats, Locale locale, @Nullable ZoneId zone) {

  public static final DateSettings DEFAULT = new DateSettings(List.of(), Locale.ENGLISH, null);

  public DateSettings {
    formats = List.copyOf(formats);
  }
}
