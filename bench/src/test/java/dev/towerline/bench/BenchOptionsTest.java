package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void defaultsAreTheFullRunOfTheBuiltJarOnBothStores() {
    BenchOptions options = BenchOptions.parse(new String[0]);

    assertThat(options.jars()).containsExactly(java.util.Map.entry("current", BenchOptions.DEFAULT_JAR));
    assertThat(options.phases()).containsExactly("rest", "fanout", "storm", "memory");
    assertThat(options.stores()).containsExactly("h2", "postgres");
    assertThat(options.singleStore()).isEqualTo("h2");
    assertThat(options.connections()).containsExactly(1, 10, 50);
    assertThat(options.fanoutClients()).containsExactly(100, 1000, 2000, 5000);
    assertThat(options.stormSubscriptions()).isEqualTo(1000);
    assertThat(options.idleSockets()).isEqualTo(5000);
    assertThat(options.churnCycles()).isEqualTo(100_000);
    assertThat(options.cellSeconds()).isEqualTo(BenchOptions.DEFAULT_CELL_SECONDS);
    assertThat(options.wrkCpus()).isNull();
    assertThat(options.fanoutClient()).isEqualTo("raw");
  }

  @Test
  void fanOutClientIsRawOrJdk() {
    assertThat(BenchOptions.parse(new String[] {"--fanout-client", "jdk"}).fanoutClient()).isEqualTo("jdk");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fanout-client", "tyrus"}))
        .hasMessageContaining("--fanout-client must be one of [raw, jdk]: tyrus");
  }

  @Test
  void jarsKeepTheirOrderAndLabelsSoOneRunGivesABeforeAfterTable() {
    BenchOptions options = BenchOptions.parse(new String[] {
        "--jar", "before=/work/baseline/server-app.jar", "--jar", "after=server-app/target/server-app.jar"});

    assertThat(options.jars().keySet()).containsExactly("before", "after");
    assertThat(options.jars().get("before")).isEqualTo(Path.of("/work/baseline/server-app.jar"));
  }

  @Test
  void oneJarRunsUnderTwoLabelsWithTheirOwnEnvironment() {
    BenchOptions options = BenchOptions.parse(new String[] {
        "--jar", "w4=server.jar", "--jar", "w16=server.jar",
        "--env", "w4:WRITE_THREADS=4", "--env", "w4:LOG_FORMAT=text", "--env", "w16:JAVA_TOOL_OPTIONS=-Da=b=c"});

    assertThat(options.serverEnv("w4")).containsExactly(entry("WRITE_THREADS", "4"), entry("LOG_FORMAT", "text"));
    assertThat(options.serverEnv("w16")).containsExactly(entry("JAVA_TOOL_OPTIONS", "-Da=b=c"));
    assertThat(BenchOptions.parse(new String[0]).serverEnv("current")).isEmpty();
  }

  @Test
  void quickShrinksTheSizesButAnExplicitOptionWins() {
    BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--duration", "3", "--stores", "postgres"});

    assertThat(options.cellSeconds()).isEqualTo(3);
    assertThat(options.warmupSeconds()).isEqualTo(2);
    assertThat(options.fanoutClients()).isEqualTo(List.of(20, 100));
    assertThat(options.churnCycles()).isEqualTo(2000);
    assertThat(options.singleStore()).isEqualTo("postgres");
  }

  @Test
  void refusesWhatItCannotRunNamingTheValue() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--phases", "rest,latency"}))
        .hasMessageContaining("unknown phase: latency");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--duration", "eight"}))
        .hasMessageContaining("--duration must be a whole number: eight");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--jar", "server-app.jar"}))
        .hasMessageContaining("--jar takes label=path");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--jar", "a=1.jar", "--jar", "a=2.jar"}))
        .hasMessageContaining("--jar label used twice: a");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--env", "WRITE_THREADS=4"}))
        .hasMessageContaining("label:NAME=value");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--jar", "a=1.jar", "--env", "b:WRITE_THREADS=4"}))
        .hasMessageContaining("no --jar label: b");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--threads", "4"}))
        .hasMessageContaining("unknown option --threads");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--churn"}))
        .hasMessageContaining("expected --option value");
  }
}
