package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web view in a real browser: Debian's headless Chromium driven by Selenium searches for an
 * article by a word of its body, opens it and reads the read-count chart's points; the page
 * script (served as a file under the CSP) shows a point's value on hover. Saves screenshots under
 * {@code target/}. Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * ({@code .ci/chromium.sh} installs them); never downloads a browser or driver.
 */
class WebViewBrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path root;
  @TempDir Path profile;

  @Test
  void searchOpenAnArticleAndReadItsChart() throws IOException {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      assertThat(Files.isExecutable(p)).as(p + " is missing: run .ci/chromium.sh (as root) to install chromium and chromium-driver").isTrue();
    }
    FixtureArchive.write(root);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1100,1000", "--user-data-dir=" + profile);
    try (WebServer server = WebServer.start(FixtureArchive.options(root))) {
      WebViewTestClient.awaitIndexed(server);
      ChromeDriver driver = new ChromeDriver(service, options);
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(server.address().resolve("/articles").toString());
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("4 articles");
        screenshot(driver, "serve-articles.png");

        driver.findElement(By.id("q")).sendKeys("cantilever");
        driver.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("count"), "1 article"));
        List<WebElement> links = driver.findElements(By.cssSelector("#articles tbody a"));
        assertThat(links).extracting(WebElement::getText).containsExactly("Council approves the new bridge");
        links.get(0).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("read-count-chart")));
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("Council approves the new bridge");
        List<WebElement> points = driver.findElements(By.cssSelector("#read-count-chart circle.point"));
        assertThat(points).extracting(p -> p.getAttribute("data-read-count")).containsExactly("1020", "1380", "1500");
        assertThat(points).extracting(p -> p.getAttribute("data-observed-at"))
            .containsExactly("2024-11-02T15:30:00Z", "2024-11-03T09:30:00Z", "2024-11-03T11:30:00Z");
        // higher counts sit higher on the chart
        assertThat(points).extracting(p -> Double.parseDouble(p.getAttribute("cy"))).containsExactly(79.0, 37.8, 24.0);

        new Actions(driver).moveToElement(points.get(1)).perform();
        wait.until(ExpectedConditions.textToBe(By.id("chart-value"), "2024-11-03T09:30:00Z: 1380 reads"));
        screenshot(driver, "serve.png");
      } finally {
        driver.quit();
      }
    }
  }

  private static void screenshot(ChromeDriver driver, String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path out = Path.of("target", name);
    Files.createDirectories(out.getParent());
    Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
  }
}
