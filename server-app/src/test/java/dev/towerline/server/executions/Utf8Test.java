package dev.towerline.server.executions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8Test {
  @Test
  void chunksNeverSplitACharacter() {
    List<OutputChunk> chunks = Utf8.chunks("a✓😀b", 10, 4);

    assertThat(chunks).extracting(OutputChunk::data).containsExactly("a✓", "😀", "b");
    assertThat(chunks).extracting(OutputChunk::offset).containsExactly(10L, 14L, 18L);
  }

  @Test
  void dropHeadRemovesWholeCharacters() {
    StringBuilder text = new StringBuilder("✓✓ab");

    assertThat(Utf8.dropHead(text, 4)).isEqualTo(6);
    assertThat(text).hasToString("ab");
  }
}
