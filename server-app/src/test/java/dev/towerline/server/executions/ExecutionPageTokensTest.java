package dev.towerline.server.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.server.error.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExecutionPageTokensTest {
  private static final ExecutionQuery QUERY = new ExecutionQuery(ExecutionStatus.RUNNING, "dev", null, null, true);

  @Test
  void aTokenCarriesItsCursorBack() {
    ExecutionCursor cursor = new ExecutionCursor(Instant.parse("2026-11-22T10:00:00.123456Z"), "ex_01J");

    assertThat(ExecutionPageTokens.decode(ExecutionPageTokens.encode(QUERY, cursor), QUERY)).isEqualTo(cursor);
  }

  @Test
  void refusesGarbledTokensAndTokensOfOtherQueries() {
    String token = ExecutionPageTokens.encode(QUERY, new ExecutionCursor(Instant.EPOCH, "ex_1"));
    ExecutionQuery other = new ExecutionQuery(ExecutionStatus.RUNNING, "dev", null, null, false);

    for (String bad : new String[] {"%%%", "eDF8", token.substring(0, token.length() - 3)}) {
      assertThatThrownBy(() -> ExecutionPageTokens.decode(bad, QUERY))
          .as(bad)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAGE_TOKEN));
    }
    assertThatThrownBy(() -> ExecutionPageTokens.decode(token, other))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("other filters"));
  }
}
