package dev.towerline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void madeIdsAreDistinctVersionFourUuids() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIds.accept(null);
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void aUsableClientIdIsKeptAndAnUnusableOneReplaced() {
    assertThat(RequestIds.accept("trace-42")).isEqualTo("trace-42");
    assertThat(RequestIds.accept("has space")).isNotEqualTo("has space");
  }
}
