package dev.towerline.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileDescriptorBudgetTest {

  @Test
  void aLimitBelowTheConnectionLimitIsNamedWithWhatToDo() {
    assertThat(FileDescriptorBudget.shortfall(10_000, 1_024))
        .hasValueSatisfying(warning -> assertThat(warning)
            .contains("WS_MAX_CONNECTIONS is 10000")
            .contains("only 1024 files (ulimit -n)")
            .contains("beyond about 768 feed connections")
            .contains("at least 10256"));
  }

  @Test
  void aLimitThatCarriesEveryConnectionAndTheServerItselfSaysNothing() {
    assertThat(FileDescriptorBudget.shortfall(10_000, 10_256)).isEmpty();
    assertThat(FileDescriptorBudget.shortfall(10_000, 1_048_576)).isEmpty();
  }

  @Test
  void theServerNeedsFilesBesidesItsFeedSockets() {
    assertThat(FileDescriptorBudget.shortfall(10_000, 10_000)).isPresent();
  }
}
