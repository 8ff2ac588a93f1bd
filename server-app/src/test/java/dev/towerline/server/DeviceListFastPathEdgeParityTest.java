package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.ListParityProbe.Answer;
import dev.towerline.server.auth.Role;
import dev.towerline.server.edge.ratelimit.RateLimit;
import dev.towerline.server.edge.ratelimit.RateLimitConfig;
import dev.towerline.server.testing.TestTokens;
import dev.towerline.server.testing.RunningServer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * List devices on a server with tokens, and from callers the rate limits count, answers as Jersey
 * does whichever way the request is sent: authentication, roles and quotas are never skipped.
 */
class DeviceListFastPathEdgeParityTest {
  private static final TestTokens TOKENS = TestTokens.create();
  private static final String LIST = "/api/v1/devices?page_size=50";
  // Each answer takes one request from the quota, so the remaining count moves between the two.
  private static final Set<String> QUOTA_HEADERS = Set.of("ratelimit");

  @RegisterExtension
  static final RunningServer withTokens =
      new RunningServer()
          .tokens(TOKENS)
          .edge(edge -> edge.rateLimits(RateLimitConfig.custom().exemptLoopback(false).build()));

  @RegisterExtension
  static final RunningServer countingLoopback =
      new RunningServer()
          .edge(
              edge ->
                  edge.rateLimits(
                      RateLimitConfig.custom()
                          .exemptLoopback(false)
                          .anonymous(Optional.of(new RateLimit(10_000, Duration.ofSeconds(60))))
                          .build()));

  @Test
  void refusesAListWithoutATokenAsJerseyDoes() {
    try (ListParityProbe probe = new ListParityProbe(withTokens)) {
      Answer fast = probe.assertSameAnswer(LIST, UnaryOperator.identity());

      assertThat(fast.status()).isEqualTo(401);
      assertThat(fast.headers()).containsKey("www-authenticate");
    }
  }

  @Test
  void refusesABadTokenAsJerseyDoes() {
    try (ListParityProbe probe = new ListParityProbe(withTokens)) {
      Answer fast =
          probe.assertSameAnswer(LIST, request -> request.header("Authorization", "Bearer " + TestTokens.newToken()));

      assertThat(fast.status()).isEqualTo(401);
    }
  }

  @Test
  void listsForAViewerWithItsQuotaAsJerseyDoes() {
    try (ListParityProbe probe = new ListParityProbe(withTokens, QUOTA_HEADERS)) {
      Answer fast = probe.assertSameAnswer(LIST, request -> request.header("Authorization", TOKENS.bearer(Role.VIEWER)));

      assertThat(fast.status()).isEqualTo(200);
      assertThat(fast.headers()).containsKeys("ratelimit", "ratelimit-policy");
      assertThat(fast.logLine()).contains("actor=" + TestTokens.holder(Role.VIEWER));
    }
  }

  @Test
  void countsAnonymousLoopbackCallersWhenTheyAreNotExemptAsJerseyDoes() {
    try (ListParityProbe probe = new ListParityProbe(countingLoopback, QUOTA_HEADERS)) {
      Answer fast = probe.assertSameAnswer(LIST, UnaryOperator.identity());

      assertThat(fast.status()).isEqualTo(200);
      assertThat(fast.headers().get("ratelimit-policy")).containsExactly("\"anonymous\";q=10000;w=60");
      assertThat(fast.headers()).containsKey("ratelimit");
    }
  }
}
