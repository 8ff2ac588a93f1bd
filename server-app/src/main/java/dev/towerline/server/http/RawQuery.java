package dev.towerline.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query string or path segment decoded strictly: percent-escapes must spell UTF-8, so a value
 * that is not valid Unicode text is refused by name instead of being turned into U+FFFD (as
 * Jersey's decoder does) or into a lone surrogate downstream.
 */
final class RawQuery {
  /** A name or value that could not be decoded, named as far as it could be read. */
  record Undecodable(String name) {}

  /** Decoded parameters in order of first appearance, and the pairs that could not be decoded. */
  record Decoded(Map<String, List<String>> parameters, List<Undecodable> undecodable) {}

  private RawQuery() {}

  /** Splits and decodes {@code rawQuery} ({@code +} is a space, as in HTML forms and Jersey); null reads as empty. */
  static Decoded decode(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    List<Undecodable> undecodable = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new Decoded(parameters, undecodable);
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String rawName = equals >= 0 ? pair.substring(0, equals) : pair;
      String rawValue = equals >= 0 ? pair.substring(equals + 1) : "";
      Optional<String> name = component(rawName, true);
      Optional<String> value = component(rawValue, true);
      if (name.isEmpty() || value.isEmpty()) {
        undecodable.add(new Undecodable(name.orElse(rawName)));
      } else {
        parameters.computeIfAbsent(name.get(), n -> new ArrayList<>()).add(value.get());
      }
    }
    return new Decoded(parameters, undecodable);
  }

  /** One percent-encoded component as UTF-8 text; empty when it is not valid UTF-8 or broken escapes. */
  static Optional<String> component(String raw, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
