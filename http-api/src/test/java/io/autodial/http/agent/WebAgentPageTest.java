package io.autodial.http.agent;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.protocol.agent.AgentClientMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent page in a real headless Chromium, against the real page routes and agent socket and a
 * node that plays one call. Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * (Debian packages {@code chromium} and {@code chromium-driver}); fails, not skips, without them.
 */
class WebAgentPageTest {
  private ActorSystem<Void> system;
  private TestServer server;
  private ScriptedCallGateway gateway;
  private Path profile;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    system = ActorSystem.create(Behaviors.empty(), "web-agent-page-test");
    gateway = new ScriptedCallGateway();
    server =
        TestServer.start(
            system,
            concat(
                new WebRoutes().route(),
                new AgentSocketRoute(new FakeTokenVerifier(), gateway).route(),
                new FakeLoginRoute().route()));
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File("/usr/bin/chromium"));
    // No network here but loopback: without these Chromium hangs on its background connections.
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) browser.quit();
    if (server != null) server.close();
    if (system != null) system.terminate();
    if (profile != null)
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
  }

  private WebElement byTestId(String id) {
    return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
  }

  private void waitForText(String testId, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid='" + testId + "']"), text));
  }

  private void click(String testId) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='" + testId + "']"))).click();
  }

  @Test
  void anAgentLogsInTakesACallAndDispositionsIt() {
    browser.get(server.http("/agent").toString());

    byTestId("login-username").sendKeys("alice");
    byTestId("login-password").sendKeys("secret");
    click("login-submit");
    waitForText("agent-status", "LOGGED_OUT");
    waitForText("connection-status", "Connected");

    click("ready-button");
    waitForText("agent-status", "ON_CALL");
    assertThat(byTestId("lead-name").getText()).isEqualTo("Ada Lovelace");
    assertThat(byTestId("lead-phone").getText()).isEqualTo("+15551234567");
    assertThat(byTestId("script").getText())
        .isEqualTo("Hello Ada, this is Alice from Autodial. Is Analytical Ltd still on the gold plan?");

    click("hangup-button");
    waitForText("agent-status", "WRAP_UP");
    wait.until(ExpectedConditions.visibilityOf(byTestId("disposition-select")));
    new Select(byTestId("disposition-select")).selectByVisibleText("SALE");
    byTestId("disposition-notes").sendKeys("wants the annual plan");
    click("disposition-submit");

    waitForText("agent-status", "READY");
    assertThat(byTestId("server-error").isDisplayed()).isFalse();
    assertThat(gateway.received)
        .hasSize(3)
        .satisfies(m -> assertThat(m.get(0)).isInstanceOf(AgentClientMessage.Ready.class))
        .satisfies(m -> assertThat(m.get(1)).isInstanceOf(AgentClientMessage.Hangup.class))
        .satisfies(m -> assertThat(m.get(2)).isInstanceOfSatisfying(AgentClientMessage.Disposition.class, d -> {
          assertThat(d.code()).isEqualTo("SALE");
          assertThat(d.notes()).isEqualTo("wants the annual plan");
          assertThat(d.callbackAt()).isNull();
          assertThat(d.dnc()).isFalse();
          assertThat(d.pauseAfter()).isFalse();
        }));
  }

  @Test
  void aWrongPasswordIsShownAndNothingIsSent() {
    browser.get(server.http("/agent").toString());
    byTestId("login-username").sendKeys("alice");
    byTestId("login-password").sendKeys("guess");
    click("login-submit");
    waitForText("login-error", "wrong username or password");
    assertThat(byTestId("agent-status").isDisplayed()).isFalse();
    assertThat(gateway.received).isEmpty();
  }
}
