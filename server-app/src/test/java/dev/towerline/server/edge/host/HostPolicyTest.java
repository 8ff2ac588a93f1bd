package dev.towerline.server.edge.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which names {@code Host} may carry, and how {@code ALLOWED_HOSTS} is written. */
class HostPolicyTest {

  private static boolean allows(HostPolicy policy, String host) {
    return HostName.parse(host).map(policy::allows).orElse(false);
  }

  @Test
  void allowsLoopbackNamesAndASpecificBindAddress() {
    HostPolicy policy = HostPolicy.of(List.of(), "192.168.1.20");

    assertThat(allows(policy, "localhost:8080")).isTrue();
    assertThat(allows(policy, "[::1]")).isTrue();
    assertThat(allows(policy, "192.168.1.20:8080")).isTrue();
    assertThat(allows(policy, "192.168.1.21")).isFalse();
  }

  @Test
  void doesNotAllowEveryNameBecauseTheServerBindsEveryInterface() {
    HostPolicy policy = HostPolicy.of(List.of(), "0.0.0.0");

    assertThat(allows(policy, "0.0.0.0")).isFalse();
    assertThat(allows(policy, "evil.example")).isFalse();
  }

  @Test
  void allowsSubdomainsOfAWildcardButNotTheDomainItself() {
    HostPolicy policy = HostPolicy.of(List.of("*.lab.example"), "127.0.0.1");

    assertThat(allows(policy, "a.lab.example")).isTrue();
    assertThat(allows(policy, "a.b.lab.example")).isTrue();
    assertThat(allows(policy, "lab.example")).isFalse();
    assertThat(allows(policy, "evillab.example")).isFalse();
  }

  @Test
  void starTurnsTheCheckOff() {
    HostPolicy policy = HostPolicy.of(List.of("*"), "127.0.0.1");

    assertThat(policy.allowsAnyName()).isTrue();
    assertThat(allows(policy, "anything.example")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab.example:8080", "http://lab.example", "lab example", "*lab.example", "lab.example/x", ""})
  void refusesEntriesThatAreNotHostNames(String entry) {
    assertThatThrownBy(() -> HostPolicy.of(List.of(entry), "127.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ALLOWED_HOSTS entries must be host names");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "evil.example:99999", "user@localhost", "localhost/x", "[::1", ".example", "a..b", ""})
  void parsesOnlyWellFormedHostHeaders(String host) {
    assertThat(HostName.parse(host)).isEmpty();
  }

  @Test
  void normalisesCaseBracketsAndTheTrailingDot() {
    assertThat(HostName.parse("LocalHost.:80")).hasValueSatisfying(name -> assertThat(name.name()).isEqualTo("localhost"));
    assertThat(HostName.parse("[::1]:9")).hasValueSatisfying(name -> assertThat(name.authority()).isEqualTo("[::1]:9"));
  }
}
