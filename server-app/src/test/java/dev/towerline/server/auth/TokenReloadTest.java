package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.server.testing.RunningServer;
import dev.towerline.server.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AC-905, AC-906: tokens made by {@code token new} are stored as hashes, and edits of the tokens file
 * take effect without a restart.
 */
class TokenReloadTest {
  private static final TestTokens TOKENS = TestTokens.create();

  @RegisterExtension
  static final RunningServer server = new RunningServer().tokens(TOKENS).auth(auth -> auth.reloadInterval(Duration.ofMillis(100)));

  @Test
  void tokenMadeByTheCommandLineIsAcceptedOnceItsLineIsInTheFileWhichNeverHoldsTheToken() throws Exception {
    Process command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "dev.towerline.server.Main", "token", "new", "--name", "ci", "--role", "operator")
            .start();
    String printed = new String(command.getInputStream().readAllBytes());
    assertThat(command.waitFor()).isZero();
    String token = printed.lines().map(String::strip).filter(line -> line.startsWith("tl_")).findFirst().orElseThrow();
    String line = printed.lines().map(String::strip).filter(l -> l.startsWith("ci operator sha256:")).findFirst().orElseThrow();
    assertThat(line).doesNotContain(token.substring(3));
    assertThat(status(token)).isEqualTo(401);

    List<String> lines = new ArrayList<>(Files.readAllLines(TOKENS.file()));
    lines.add(line);
    Files.write(TOKENS.file(), lines);

    await("new token in force").atMost(Duration.ofSeconds(5)).until(() -> status(token) == 200);
    assertThat(Files.readString(TOKENS.file())).doesNotContain(token).doesNotContain(token.substring(3));
  }

  @Test
  void removingAndChangingLinesTakesEffectWithoutARestart() throws Exception {
    String viewer = TOKENS.token(Role.VIEWER);
    assertThat(status(viewer)).isEqualTo(200);
    List<TokenEntry> withoutViewer = TOKENS.entries().stream().filter(e -> e.role() != Role.VIEWER).toList();
    TOKENS.write(withoutViewer);
    await("viewer token removed").atMost(Duration.ofSeconds(5)).until(() -> status(viewer) == 401);

    List<TokenEntry> viewerPromoted = new ArrayList<>(withoutViewer);
    viewerPromoted.add(new TokenEntry(TestTokens.holder(Role.VIEWER), Role.OPERATOR, TokenHash.of(viewer)));
    TOKENS.write(viewerPromoted);
    await("viewer token back as operator").atMost(Duration.ofSeconds(5)).until(() -> cancelStatus(viewer) == 404);
  }

  @Test
  void aBrokenEditLeavesTheTokensInForce() throws Exception {
    String admin = TOKENS.token(Role.ADMIN);
    String before = Files.readString(TOKENS.file());
    try {
      Files.writeString(TOKENS.file(), before + "\n" + admin + "\n");
      Thread.sleep(500); // several reload intervals
      assertThat(status(admin)).isEqualTo(200);
    } finally {
      Files.writeString(TOKENS.file(), before); // the other tests start from the intact file
    }
  }

  private static int status(String token) {
    return server.send(server.request("/api/v1/devices").header("Authorization", "Bearer " + token).GET()).statusCode();
  }

  private static int cancelStatus(String token) {
    return server
        .send(server.request("/api/v1/executions/ex_none/cancel").header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
        .statusCode();
  }
}
