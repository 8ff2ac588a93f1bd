package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WsHandshakeTest {
  @Test
  void acceptIsTheRfcsExampleForTheRfcsKey() {
    assertThat(WsHandshake.expectedAccept("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  @Test
  void requestUpgradesWithAFreshSixteenByteKey() {
    SecureRandom random = new SecureRandom();
    WsHandshake first = new WsHandshake(random);
    WsHandshake second = new WsHandshake(random);

    String request = new String(first.request(URI.create("ws://127.0.0.1:19190/api/v1/ws/devices?since=3")), StandardCharsets.US_ASCII);

    assertThat(Base64.getDecoder().decode(first.key())).hasSize(16);
    assertThat(first.key()).isNotEqualTo(second.key());
    assertThat(request).startsWith("GET /api/v1/ws/devices?since=3 HTTP/1.1\r\n")
        .contains("Host: 127.0.0.1:19190\r\n", "Upgrade: websocket\r\n", "Connection: Upgrade\r\n",
            "Sec-WebSocket-Key: " + first.key() + "\r\n", "Sec-WebSocket-Version: 13\r\n")
        .endsWith("\r\n\r\n");
  }

  @Test
  void acceptsA101WithTheAcceptForItsKeyInAnyHeaderCase() {
    WsHandshake handshake = new WsHandshake(new SecureRandom());

    WsHandshake.Answer answer = handshake.check("HTTP/1.1 101 Switching Protocols\r\nupgrade: WebSocket\r\n"
        + "CONNECTION: upgrade\r\nsec-websocket-accept: " + WsHandshake.expectedAccept(handshake.key()) + "\r\n\r\n");

    assertThat(answer.accepted()).isTrue();
  }

  @Test
  void refusesA101WithAnotherKeysAccept() {
    WsHandshake handshake = new WsHandshake(new SecureRandom());

    WsHandshake.Answer answer = handshake.check("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + WsHandshake.expectedAccept("dGhlIHNhbXBsZSBub25jZQ==") + "\r\n\r\n");

    assertThat(answer.accepted()).isFalse();
    assertThat(answer.refusal()).isEqualTo("wrong Sec-WebSocket-Accept");
  }

  @Test
  void namesAnotherStatusAsTheRefusal() {
    WsHandshake.Answer answer = new WsHandshake(new SecureRandom()).check("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");

    assertThat(answer.accepted()).isFalse();
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.refusal()).isEqualTo("HTTP 503");
  }

  @Test
  void findsTheEndOfTheHeadBeforeTheFirstFrame() {
    byte[] data = "HTTP/1.1 101 OK\r\nA: b\r\n\r\n\u0081\u0002hi".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(WsHandshake.headEnd(data, data.length)).isEqualTo(data.length - 4);
    assertThat(WsHandshake.headEnd(data, 20)).isEqualTo(-1);
  }
}
