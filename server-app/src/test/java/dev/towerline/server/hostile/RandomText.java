package dev.towerline.server.hostile;

import java.util.List;
import java.util.Random;

/**
 * Random strings that stress decoders and encoders: ASCII, control characters, accented and
 * non-Latin letters, right-to-left and zero-width marks, characters outside the BMP (as valid
 * surrogate pairs), and characters that matter to JSON, HTML, SQL, URLs and format strings. Only the
 * seeded {@link Random} decides, so a seed gives the same strings again.
 */
final class RandomText {
  private static final List<String> POOLS =
      List.of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.",
          "\u0001\u0002\u0007\b\t\n\u000b\f\r\u001b\u001f\u007f",
          "éàüßøñçÅÆ€£¥",
          "ЖщЯжλΩπ漢字日本語한국어",
          "\u202e\u200b\u200d\ufeff\u00ad",
          "\"'\\/<>&%{}[]:;,=?#@!$*+`~|^",
          "😀🚀𝔘𝕋𐍈");

  private RandomText() {}

  /** 1 to {@code maxLength} code points, each from a pool chosen at random. */
  static String next(Random random, int maxLength) {
    int length = 1 + random.nextInt(Math.max(1, maxLength));
    StringBuilder text = new StringBuilder();
    while (text.codePointCount(0, text.length()) < length) {
      String pool = POOLS.get(random.nextInt(POOLS.size()));
      int[] codePoints = pool.codePoints().toArray();
      text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }
    return text.toString();
  }
}
