package dev.towerline.server.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnicodeTextTest {

  @Test
  void pairedSurrogatesAreValidLoneOnesAreNot() {
    assertThat(UnicodeText.isValid("emoji \uD83D\uDE00 ok")).isTrue();
    assertThat(UnicodeText.isValid("echo \uD800poison")).isFalse();
    assertThat(UnicodeText.isValid("tail \uD83D")).isFalse();
    assertThat(UnicodeText.isValid("\uDE00 first")).isFalse();
  }

  @Test
  void refusesLoneSurrogatesAndNulSaysWhy() {
    assertThat(UnicodeText.refusal("echo \uD800")).hasValue("is not valid Unicode text");
    assertThat(UnicodeText.refusal("echo a\u0000b")).hasValue("must not contain the NUL character (U+0000)");
    assertThat(UnicodeText.refusal("caf\u00e9 \uD83D\uDE00")).isEmpty();
  }

  @Test
  void printableReplacesOnlyLoneSurrogates() {
    assertThat(UnicodeText.printable("a\uD800b\uD83D\uDE00")).isEqualTo("a\uFFFDb\uD83D\uDE00");
    assertThat(UnicodeText.printable("plain")).isEqualTo("plain");
  }
}
