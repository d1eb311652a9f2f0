package org.newsarchiver.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Cleans a byline into names: drops a leading "By" (and its translations), a trailing date or
 * "Updated …", and splits "A, B and C" into its names. Stateless.
 */
final class Bylines {
  private static final Pattern LEAD =
      Pattern.compile(
          "^(?i)(?:(?:more|all|latest)\\s+(?:stories|articles|posts|news)\\s+(?:by|from)|written\\s+by|posted\\s+by|words\\s+by|story\\s+by|reported\\s+by|by|von|par|por|door|di|av|af|autor(?:in)?|author|auteur)\\s*[:：]?\\s+");
  // "ByJane Doe", and "Byby Jane Doe" where a "By" label sits before the byline's own "by"
  private static final Pattern LEAD_GLUED = Pattern.compile("^(?:By|BY|Par|Von|Por)(?=[A-Z]|(?i:by|par|von|por)\\s)");
  private static final Pattern SPLIT = Pattern.compile("\\s*(?:,\\s*(?:and|und|et|y|&)\\s|,|;|\\s&\\s|\\sand\\s|\\sund\\s|\\set\\s|\\sy\\s|、)\\s*");
  private static final String MONTH =
      "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-zé]*\\.?";
  private static final Pattern DATE_TAIL =
      Pattern.compile(
          "(?i)\\s*(?:[|•·]|(?<!^[a-z])/|\\s-\\s|\\b(?:last\\s+)?(?:updated|modified)\\b|\\bpublished\\b|\\bposted\\b|\\bview author\\b"
              + "|\\bstaff writer\\b|\\bcontributor\\b|\\bsenior\\b|\\beditor\\b|\\bcorrespondent\\b"
              + "|\\bon\\s+" + MONTH + "|\\b" + MONTH + "\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH
              + "|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{4}年|\\b(?:před|il y a|vor|hace)\\b"
              + "|\\b\\d+\\s+(?:hours?|minutes?|days?|mins?)\\s+ago).*$");

  /** A web or mail address in brackets after a name: "Jane Doe (http://example.org/jane/)". */
  private static final Pattern LINK_IN_BRACKETS =
      Pattern.compile("\\s*[(<\\[]\\s*(?:https?:|www\\.|mailto:|[^()<>\\[\\]\\s]+@)[^()<>\\[\\]]*[)>\\]]");
  /** A degree or licence after a name ("Brenda Goodman, MA"): no second author. */
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?:M\\.?A|M\\.?S|M\\.?Sc|M\\.?D|Ph\\.?D|R\\.?N|M\\.?P\\.?H|D\\.?O|J\\.?D|MBA|B\\.?Sc?|B\\.?A|DVM"
          + "|PharmD|MFA|CPA|RDN?|LCSW|FACP|FRCP|MSN|BSN|APRN|NP|PA-C)\\.?");
  /** "John Smith, Jr.": part of the name before it. */
  private static final Pattern GENERATION = Pattern.compile("(?:Jr|Sr)\\.?|II|III|IV");

  private Bylines() {}

  /** Whether a line opens with a byline's lead word ("By", "Von", "Par", "Written by"...). */
  static boolean startsWithLead(String line) {
    return LEAD.matcher(line).lookingAt();
  }

  static List<String> split(@Nullable String raw) {
    String s = TextNormalizer.line(raw);
    if (s == null) return List.of();
    s = LEAD.matcher(s).replaceFirst("");
    java.util.regex.Matcher glued = LEAD_GLUED.matcher(s);
    if (glued.find()) s = LEAD.matcher(s.substring(glued.end())).replaceFirst("");
    s = LINK_IN_BRACKETS.matcher(s).replaceAll("");
    s = DATE_TAIL.matcher(s).replaceFirst("").strip();
    List<String> out = new ArrayList<>();
    if (s.isEmpty()) return out;
    if (isLeadWord(s)) return out;
    String[] parts = s.contains("(") ? new String[] {s} : SPLIT.split(s);
    for (String part : parts) {
      // "Zone Justice et faits divers", "Mac & i": one name with a joining word, not two
      String t = part.strip();
      if (!t.isEmpty() && Character.isLowerCase(t.charAt(0))) {
        parts = new String[] {s};
        break;
      }
    }
    if (parts.length == 2 && s.contains(",") && isWord(parts[0]) && isWord(parts[1])) {
      // "Gillman, Steve": one name written last name first
      return List.of(parts[1].strip() + " " + parts[0].strip());
    }
    for (String part : parts) {
      String name = part.strip();
      if (CREDENTIAL.matcher(name).matches()) continue;
      if (GENERATION.matcher(name).matches()) {
        if (!out.isEmpty()) out.set(out.size() - 1, out.get(out.size() - 1) + " " + name);
        continue;
      }
      if (name.toLowerCase(Locale.ROOT).startsWith("by ")) name = name.substring(3).strip();
      name = withoutCapitalTail(name);
      if (AuthorFinder.looksLikeName(name) && !out.contains(name)) out.add(name);
    }
    return out;
  }

  /** "Meg Wagner NEW YORK DAILY NEWS": a run of capitals after a mixed-case name is the outlet. */
  static String withoutCapitalTail(String name) {
    String[] words = name.split(" ");
    if (words.length < 4) return name;
    int firstCaps = words.length;
    while (firstCaps > 0 && isAllCaps(words[firstCaps - 1])) firstCaps--;
    if (firstCaps == 0 || words.length - firstCaps < 2) return name;
    for (int i = 0; i < firstCaps; i++) {
      if (isAllCaps(words[i])) return name;
    }
    return String.join(" ", java.util.Arrays.copyOf(words, firstCaps));
  }

  private static boolean isAllCaps(String w) {
    boolean letter = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLowerCase(c)) return false;
      if (Character.isUpperCase(c)) letter = true;
    }
    return letter;
  }

  private static boolean isLeadWord(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    return t.equals("by") || t.equals("von") || t.equals("par") || t.equals("por") || t.equals("author")
        || t.equals("posted by") || t.equals("written by");
  }

  private static boolean isWord(String s) {
    String t = s.strip();
    return !t.isEmpty() && t.indexOf(' ') < 0 && Character.isUpperCase(t.charAt(0));
  }
}
