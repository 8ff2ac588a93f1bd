package dev.towerline.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes a UTC timestamp as {@link java.time.format.DateTimeFormatter#ISO_OFFSET_DATE_TIME} does
 * (the fraction without trailing zeros, {@code Z} for the offset), without the formatter: every
 * list carries its own {@code timestamp}, and the formatter's field-by-field printing cost more than
 * the rest of the list's envelope. Other offsets and years beyond four digits go to {@code standard}.
 */
final class UtcTimestampSerializer extends StdSerializer<OffsetDateTime> {
  private static final int MAX_LENGTH = "2026-12-07T10:42:13.123456789Z".length();

  private final JsonSerializer<Object> standard;

  @SuppressWarnings("unchecked")
  UtcTimestampSerializer(JsonSerializer<?> standard) {
    super(OffsetDateTime.class);
    this.standard = (JsonSerializer<Object>) standard;
  }

  @Override
  public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    if (value.getOffset() != ZoneOffset.UTC || value.getYear() < 0 || value.getYear() > 9999) {
      standard.serialize(value, gen, provider);
      return;
    }
    char[] text = new char[MAX_LENGTH];
    int length = format(value, text);
    gen.writeString(text, 0, length);
  }

  /** Writes {@code value} into {@code text} and returns its length. */
  static int format(OffsetDateTime value, char[] text) {
    int at = digits(text, 0, value.getYear(), 4);
    text[at++] = '-';
    at = digits(text, at, value.getMonthValue(), 2);
    text[at++] = '-';
    at = digits(text, at, value.getDayOfMonth(), 2);
    text[at++] = 'T';
    at = digits(text, at, value.getHour(), 2);
    text[at++] = ':';
    at = digits(text, at, value.getMinute(), 2);
    text[at++] = ':';
    at = digits(text, at, value.getSecond(), 2);
    int nano = value.getNano();
    if (nano > 0) {
      text[at++] = '.';
      int fractionDigits = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        fractionDigits--;
      }
      at = digits(text, at, nano, fractionDigits);
    }
    text[at++] = 'Z';
    return at;
  }

  /** Writes {@code value} zero-padded to {@code width} digits at {@code at}; returns the next index. */
  private static int digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}
