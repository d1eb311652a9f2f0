package org.newsarchiver.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Packages follow the data: each imports only those to its left, and each library has one home. */
class LayeringTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.newsarchiver");

  @Test
  void configDependsOnNoOtherStage() {
    noClasses().that().resideInAPackage("..config..")
        .should().dependOnClassesThat().resideInAnyPackage("..fetch..", "..extract..", "..archive..", "..crawl..", "..schedule..", "..cli..")
        .check(CLASSES);
  }

  @Test
  void fetchKnowsNothingOfExtractionOrTheArchive() {
    noClasses().that().resideInAPackage("..fetch..")
        .should().dependOnClassesThat().resideInAnyPackage("..extract..", "..archive..", "..crawl..", "..schedule..", "..cli..", "org.jsoup..")
        .check(CLASSES);
  }

  @Test
  void extractKnowsNothingOfHttp() {
    noClasses().that().resideInAPackage("..extract..")
        .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "..fetch..", "..archive..", "..crawl..", "..schedule..", "..cli..")
        .check(CLASSES);
  }

  @Test
  void archiveKnowsNothingOfJsoup() {
    noClasses().that().resideInAPackage("..archive..")
        .should().dependOnClassesThat().resideInAnyPackage("org.jsoup..", "okhttp3..", "..crawl..", "..schedule..", "..cli..")
        .check(CLASSES);
  }

  @Test
  void crawlIsBelowTheSchedulerAndTheCommandLine() {
    noClasses().that().resideInAPackage("..crawl..")
        .should().dependOnClassesThat().resideInAnyPackage("..schedule..", "..cli..", "org.quartz..", "picocli..")
        .check(CLASSES);
  }

  @Test
  void onlyTheCommandLinePrintsOrUsesPicocli() {
    noClasses().that().resideOutsideOfPackage("..cli..")
        .should().dependOnClassesThat().resideInAnyPackage("picocli..")
        .orShould().accessField(System.class, "out")
        .check(CLASSES);
  }

  @Test
  void onlyTheArchiveUsesTheIndexStore() {
    noClasses().that().resideOutsideOfPackage("..archive..")
        .should().dependOnClassesThat().resideInAnyPackage("org.h2..")
        .check(CLASSES);
  }

  @Test
  void theWebViewReadsTheArchiveAndKnowsNothingOfCrawlingOrHtmlParsing() {
    noClasses().that().resideInAPackage("..web..")
        .should().dependOnClassesThat().resideInAnyPackage("..fetch..", "..extract..", "..crawl..", "..schedule..", "..cli..",
            "org.jsoup..", "okhttp3..", "org.quartz..", "picocli..", "org.apache.commons.csv..", "org.netpreserve.jwarc..")
        .check(CLASSES);
  }

  @Test
  void nothingBelowTheCommandLineDependsOnTheWebView() {
    noClasses().that().resideInAnyPackage("..config..", "..fetch..", "..extract..", "..archive..", "..crawl..", "..schedule..")
        .should().dependOnClassesThat().resideInAPackage("..web..")
        .check(CLASSES);
  }

  @Test
  void luceneLivesOnlyInTheWebView() {
    noClasses().that().resideOutsideOfPackage("..web..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..")
        .check(CLASSES);
  }
}
