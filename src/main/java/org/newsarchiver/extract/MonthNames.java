package org.newsarchiver.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Month names as news sites write them, full, abbreviated and genitive ("октября", "października",
 * "հոկտեմբերի"), in English, French, German, Spanish, Italian, Portuguese, Dutch, Russian,
 * Ukrainian, Armenian, Turkish, Arabic, Polish, Romanian and Hungarian. Not for formatting.
 * Thread-safe (immutable).
 */
final class MonthNames {
  private static final String[][] NAMES = {
    // 1
    {"january", "jan", "janvier", "janv", "januar", "jänner", "jän", "enero", "ene", "gennaio",
      "gen", "janeiro", "januari", "январь", "января", "янв", "січень", "січня", "січ",
      "հունվար", "հունվարի", "ocak", "oca", "يناير", "كانون الثاني", "styczeń", "stycznia",
      "sty", "ianuarie", "ian", "január"},
    {"february", "feb", "février", "fevrier", "févr", "fevr", "fév", "februar", "febrero",
      "febbraio", "fevereiro", "fev", "februari", "февраль", "февраля", "фев", "февр", "лютий",
      "лютого", "лют", "փետրվար", "փետրվարի", "şubat", "subat", "şub", "فبراير", "شباط", "luty",
      "lutego", "lut", "februarie", "február"},
    {"march", "mar", "mars", "märz", "maerz", "mär", "mrz", "marzo", "março", "marco", "maart",
      "mrt", "март", "марта", "мар", "березень", "березня", "бер", "մարտ", "մարտի", "mart",
      "مارس", "آذار", "marzec", "marca", "martie", "március"},
    {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "квітень",
      "квітня", "квіт", "кві", "ապրիլ", "ապրիլի", "nisan", "nis", "أبريل", "ابريل", "إبريل",
      "نيسان", "kwiecień", "kwietnia", "kwi", "aprilie", "április"},
    {"may", "mai", "mayo", "maggio", "mag", "maio", "mei", "май", "мая", "травень", "травня",
      "трав", "тра", "մայիս", "մայիսի", "mayıs", "mayis", "مايو", "أيار", "ايار", "maj", "maja",
      "május"},
    {"june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июнь", "июня", "июн",
      "червень", "червня", "черв", "чер", "հունիս", "հունիսի", "haziran", "haz", "يونيو", "يونيه",
      "حزيران", "czerwiec", "czerwca", "cze", "iunie", "június"},
    {"july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июль", "июля",
      "июл", "липень", "липня", "лип", "հուլիս", "հուլիսի", "temmuz", "tem", "يوليو", "يوليه",
      "تموز", "lipiec", "lipca", "lip", "iulie", "július"},
    {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "август", "августа", "авг",
      "серпень", "серпня", "серп", "сер", "օգոստոս", "օգոստոսի", "ağustos", "agustos", "ağu",
      "أغسطس", "اغسطس", "آب", "sierpień", "sierpnia", "sie", "augusztus"},
    {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
      "setembro", "сентябрь", "сентября", "сен", "сент", "вересень", "вересня", "вер",
      "սեպտեմբեր", "սեպտեմբերի", "eylül", "eylul", "eyl", "سبتمبر", "أيلول", "ايلول", "wrzesień",
      "września", "wrz", "septembrie", "szeptember"},
    {"october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out",
      "октябрь", "октября", "окт", "жовтень", "жовтня", "жовт", "жов", "հոկտեմբեր", "հոկտեմբերի",
      "ekim", "eki", "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "październik",
      "października", "paź", "paz", "octombrie", "október"},
    {"november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя", "нояб",
      "листопад", "листопада", "лист", "лис", "նոյեմբեր", "նոյեմբերի", "kasım", "kasim", "kas",
      "نوفمبر", "تشرين الثاني", "listopad", "listopada", "noiembrie", "noi"},
    {"december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic",
      "dicembre", "dezembro", "декабрь", "декабря", "дек", "грудень", "грудня", "груд", "гру",
      "դեկտեմբեր", "դեկտեմբերի", "aralık", "aralik", "ara", "ديسمبر", "كانون الأول",
      "كانون الاول", "grudzień", "grudnia", "gru", "decembrie"},
  };

  private static final Map<String, Integer> BY_NAME = new HashMap<>();

  static {
    for (int m = 0; m < NAMES.length; m++) {
      for (String name : NAMES[m]) BY_NAME.putIfAbsent(name, m + 1);
    }
  }

  private MonthNames() {}

  /** The month number 1-12 of a name in any known language and case, or null. */
  static @Nullable Integer month(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.endsWith(".")) key = key.substring(0, key.length() - 1);
    Integer month = BY_NAME.get(key);
    if (month != null || key.indexOf(' ') < 0) return month;
    // "تشرين الأول" is one name; "أكتوبر 2024" left a second word that is not part of it
    return BY_NAME.get(key.replaceAll("\\s+", " "));
  }
}
