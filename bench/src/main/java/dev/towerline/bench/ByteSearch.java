package dev.towerline.bench;

/** Substring search on bytes, so the raw fan-out clients match frames without decoding them to text. */
final class ByteSearch {
  private ByteSearch() {}

  /** Where {@code needle} first starts in {@code haystack[offset, offset + length)}, or -1. */
  static int indexOf(byte[] haystack, int offset, int length, byte[] needle) {
    if (needle.length == 0) {
      return offset;
    }
    byte first = needle[0];
    int last = offset + length - needle.length;
    for (int i = offset; i <= last; i++) {
      if (haystack[i] != first) {
        continue;
      }
      int j = 1;
      while (j < needle.length && haystack[i + j] == needle[j]) {
        j++;
      }
      if (j == needle.length) {
        return i;
      }
    }
    return -1;
  }

  static boolean contains(byte[] haystack, int offset, int length, byte[] needle) {
    return indexOf(haystack, offset, length, needle) >= 0;
  }
}
