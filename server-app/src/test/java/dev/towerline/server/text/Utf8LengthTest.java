package dev.towerline.server.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8LengthTest {
  @Test
  void countsBytesLikeTheEncoder() {
    for (String text : new String[] {"", "abc", "é", "✓", "😀", "a😀é✓", "\uD83D", "x\uDE00y"}) {
      assertThat(Utf8Length.of(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }
}
