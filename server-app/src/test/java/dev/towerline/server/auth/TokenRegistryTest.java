package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.server.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenRegistryTest {
  @TempDir Path folder;

  @Test
  void listenersAreToldTheNamesAddedRemovedAndChanged() throws Exception {
    Path file = folder.resolve("tokens");
    String alice = TestTokens.newToken();
    String bob = TestTokens.newToken();
    Files.writeString(file, "# lab tokens; hashes only\nalice viewer " + TokenHash.of(alice).written() + "\n\nbob operator " + TokenHash.of(bob).written() + "\n");
    try (TokenRegistry registry = TokenRegistry.start(AuthConfig.custom().tokensFile(file).build())) {
      List<TokenChange> changes = new ArrayList<>();
      registry.addListener(changes::add);
      assertThat(registry.current().authenticate(alice)).contains(new Actor("alice", Role.VIEWER));

      String carol = TestTokens.newToken();
      Files.writeString(file, "alice admin " + TokenHash.of(alice).written() + "\ncarol viewer " + TokenHash.of(carol).written() + "\n");
      assertThat(registry.reloadIfChanged()).as("first check of the new content").isFalse();
      assertThat(registry.reloadIfChanged()).as("second check, same content").isTrue();

      assertThat(changes).containsExactly(new TokenChange(java.util.Set.of("carol"), java.util.Set.of("bob"), java.util.Set.of("alice")));
      assertThat(changes.get(0).toString()).doesNotContain(alice).doesNotContain(carol).doesNotContain("sha256");
      assertThat(registry.current().authenticate(alice)).contains(new Actor("alice", Role.ADMIN));
      assertThat(registry.current().authenticate(bob)).isEmpty();
      assertThat(registry.reloadIfChanged()).isFalse();
    }
  }

  @Test
  void aFileCaughtHalfWrittenNeverRevokesTheTokensInForce() throws Exception {
    Path file = folder.resolve("tokens");
    String alice = TestTokens.newToken();
    String bob = TestTokens.newToken();
    String aliceLine = "alice viewer " + TokenHash.of(alice).written() + "\n";
    Files.writeString(file, aliceLine);
    try (TokenRegistry registry = TokenRegistry.start(AuthConfig.custom().tokensFile(file).build())) {
      Files.writeString(file, ""); // the truncation before an editor writes the new content
      assertThat(registry.reloadIfChanged()).isFalse();
      Files.writeString(file, aliceLine + "bob op");
      assertThat(registry.reloadIfChanged()).isFalse();
      assertThat(registry.current().authenticate(alice)).contains(new Actor("alice", Role.VIEWER));

      Files.writeString(file, aliceLine + "bob operator " + TokenHash.of(bob).written() + "\n");
      assertThat(registry.reloadIfChanged()).isFalse();
      assertThat(registry.reloadIfChanged()).isTrue();
      assertThat(registry.current().authenticate(alice)).contains(new Actor("alice", Role.VIEWER));
      assertThat(registry.current().authenticate(bob)).contains(new Actor("bob", Role.OPERATOR));
    }
  }

  @Test
  void anEmptiedFileThatStaysEmptyRemovesItsTokens() throws Exception {
    Path file = folder.resolve("tokens");
    String alice = TestTokens.newToken();
    Files.writeString(file, "alice viewer " + TokenHash.of(alice).written() + "\n");
    try (TokenRegistry registry = TokenRegistry.start(AuthConfig.custom().tokensFile(file).build())) {
      Files.writeString(file, "");
      registry.reloadIfChanged();
      assertThat(registry.reloadIfChanged()).isTrue();
      assertThat(registry.current().authenticate(alice)).isEmpty();
    }
  }

  @Test
  void aFileThatDoesNotParseStopsTheStartNamingTheLineButNotItsContent() throws Exception {
    Path file = folder.resolve("tokens");
    String pasted = TestTokens.newToken();
    Files.writeString(file, "# comment\nci viewer " + pasted + "\n");
    assertThatThrownBy(() -> TokenRegistry.start(AuthConfig.custom().tokensFile(file).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .message()
        .doesNotContain(pasted);
  }

  @Test
  void aNameInBothTheVariableAndTheFileIsRefused() throws Exception {
    Path file = folder.resolve("tokens");
    Files.writeString(file, "ci viewer " + TokenHash.of(TestTokens.newToken()).written() + "\n");
    List<TokenEntry> variable = TokenLines.parse("TOKENS", "ci admin " + TokenHash.of(TestTokens.newToken()).written());
    assertThatThrownBy(() -> TokenRegistry.start(AuthConfig.custom().tokensFile(file).tokens(variable).build()))
        .hasMessageContaining("ci");
  }

  @Test
  void variableEntriesMaySeparateWithSemicolonsAndAreAuthenticated() {
    String one = TestTokens.newToken();
    String two = TestTokens.newToken();
    AuthConfig config =
        AuthConfig.fromEnvironment(
            java.util.Map.of("TOKENS", "one viewer " + TokenHash.of(one).written() + "; two admin " + TokenHash.of(two).written()));
    assertThat(config.mode()).isEqualTo(AuthMode.TOKENS);
    try (TokenRegistry registry = TokenRegistry.start(config)) {
      assertThat(registry.current().authenticate(two)).contains(new Actor("two", Role.ADMIN));
      assertThat(registry.current().authenticate(two + "x")).isEmpty();
    }
  }
}
