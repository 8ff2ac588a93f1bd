package dev.towerline.client;

import static dev.towerline.client.internal.RetryRules.isRepeatable;
import static dev.towerline.client.internal.RetryRules.shouldRetry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.client.internal.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RetryRulesTest {

  @Test
  void treatsRefusedResetAndTimedOutConnectionsAsTransient() {
    assertThat(shouldRetry(true, 0, new ConnectException("Connection refused"))).isTrue();
    assertThat(shouldRetry(true, 0, new SocketException("Connection reset"))).isTrue();
    assertThat(shouldRetry(true, 0, new HttpTimeoutException("request timed out"))).isTrue();
    assertThat(shouldRetry(true, 0, new HttpConnectTimeoutException("connect timed out"))).isTrue();
    assertThat(shouldRetry(true, 0, new IOException("HTTP/1.1 header parser received no bytes"))).isTrue();
    assertThat(shouldRetry(true, 0, new SSLHandshakeException("PKIX path building failed"))).isFalse();
  }

  @Test
  void treats429And502To504AsTransientAndOtherStatusesNot() {
    assertThat(shouldRetry(true, 429, null)).isTrue();
    assertThat(shouldRetry(true, 502, null)).isTrue();
    assertThat(shouldRetry(true, 503, null)).isTrue();
    assertThat(shouldRetry(true, 504, null)).isTrue();
    for (int status : new int[] {400, 401, 403, 404, 409, 410, 422, 500, 501}) {
      assertThat(shouldRetry(true, status, null)).as("status %d", status).isFalse();
    }
  }

  @Test
  void neverRetriesARequestThatIsNotRepeatable() {
    assertThat(shouldRetry(false, 503, null)).isFalse();
    assertThat(shouldRetry(false, 0, new ConnectException())).isFalse();
  }

  @Test
  void repeatsReadsAlwaysAndCreatesOnlyWithAnIdempotencyKey() {
    assertThat(isRepeatable("GET", false, false)).isTrue();
    assertThat(isRepeatable("POST", false, false)).isFalse();
    assertThat(isRepeatable("POST", true, false)).isTrue();
    assertThat(isRepeatable("POST", false, true)).isTrue();
  }

  @Test
  void readsRetryAfterAsSecondsOrHttpDate() {
    Instant now = Instant.parse("2026-12-07T04:00:00Z");
    assertThat(RetryAfter.parse("21", now)).isEqualTo(Duration.ofSeconds(21));
    assertThat(RetryAfter.parse("Mon, 07 Dec 2026 04:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Mon, 07 Dec 2026 03:00:00 GMT", now)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("-1", now)).isNull();
    assertThat(RetryAfter.parse("soon", now)).isNull();
    assertThat(RetryAfter.parse(null, now)).isNull();
  }
}
