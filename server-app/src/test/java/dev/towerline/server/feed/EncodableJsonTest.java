package dev.towerline.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import org.junit.jupiter.api.Test;

class EncodableJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void escapesLoneSurrogatesSoTheSameJsonValueEncodesAsUtf8() throws Exception {
    String value = "a\ud800b\udc00c\ud83d";
    String json = JSON.writeValueAsString(java.util.Map.of("command", value));

    String encodable = EncodableJson.of(json);

    assertThat(encodable).isEqualTo("{\"command\":\"a\\ud800b\\udc00c\\ud83d\"}");
    assertThat(strictUtf8Encodes(encodable)).isTrue();
    assertThat(JSON.readTree(encodable).path("command").asText()).isEqualTo(value);
  }

  @Test
  void leavesPairsAndPlainTextAsTheyAre() {
    String json = "{\"data\":\"caf\u00e9 \ud83d\ude00\"}";

    assertThat(EncodableJson.of(json)).isSameAs(json);
  }

  private static boolean strictUtf8Encodes(String text) {
    try {
      StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }
}
