package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class WsClientFramesTest {
  private final WsClientFrames frames = new WsClientFrames(new SecureRandom());

  @Test
  void pongIsFinalMaskedAndCarriesThePingsPayload() {
    byte[] ping = "heartbeat-17".getBytes(StandardCharsets.US_ASCII);

    ByteBuffer pong = frames.pong(ping, ping.length);

    assertThat(pong.get(0)).isEqualTo((byte) 0x8A);
    assertThat(pong.get(1) & 0x80).as("mask bit").isEqualTo(0x80);
    assertThat(pong.get(1) & 0x7F).isEqualTo(ping.length);
    assertThat(unmasked(pong, 2)).isEqualTo(ping);
  }

  @Test
  void closeCarriesItsCodeMasked() {
    ByteBuffer close = frames.close(1000);

    assertThat(close.get(0)).isEqualTo((byte) 0x88);
    assertThat(close.get(1)).isEqualTo((byte) 0x82);
    assertThat(unmasked(close, 2)).containsExactly(0x03, 0xE8);
  }

  @Test
  void longerTextTakesASixteenBitLength() {
    String text = "p".repeat(300);

    ByteBuffer frame = frames.text(text);

    assertThat(frame.get(1) & 0xFF).isEqualTo(0x80 | 126);
    assertThat(frame.getShort(2)).isEqualTo((short) 300);
    assertThat(new String(unmasked(frame, 4), StandardCharsets.UTF_8)).isEqualTo(text);
  }

  /** The payload after the mask key at {@code keyAt}, unmasked. */
  private static byte[] unmasked(ByteBuffer frame, int keyAt) {
    byte[] payload = new byte[frame.remaining() - keyAt - 4];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (frame.get(keyAt + 4 + i) ^ frame.get(keyAt + (i & 3)));
    }
    return payload;
  }
}
