package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkResultTest {
  private static final String OUTPUT = """
      Running 8s test @ http://127.0.0.1:18000/api/v1/devices?page_size=50
        2 threads and 50 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     3.10ms    1.20ms  40.11ms   90.00%
        12000 requests in 8.00s, 140.00MB read
        Non-2xx or 3xx responses: 7
      Requests/sec:   1500.00
      BENCH_JSON {"requests":12000,"duration_us":8000000,"bytes":146800640,"errors":{"connect":1,"read":2,"write":0,"timeout":3},"status_4xx_5xx":7,"latency_us":{"p50":2900,"p95":5100,"p99":9800,"max":40110,"mean":3100.5}}
      4242 (sh) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14
      """;

  @Test
  void readsTheScriptsSummaryLineAmongWrksOwnOutput() {
    WrkResult result = WrkResult.parse(OUTPUT);

    assertThat(result.requests()).isEqualTo(12000);
    assertThat(result.requestsPerSecond()).isEqualTo(1500.0);
    assertThat(result.socketErrors()).isEqualTo(6);
    assertThat(result.errorStatuses()).isEqualTo(7);
    assertThat(result.p50Micros()).isEqualTo(2900);
    assertThat(result.p95Micros()).isEqualTo(5100);
    assertThat(result.p99Micros()).isEqualTo(9800);
    assertThat(result.maxMicros()).isEqualTo(40110);
  }

  @Test
  void failsNamingTheOutputWhenTheScriptPrintedNothing() {
    assertThatThrownBy(() -> WrkResult.parse("unable to connect to 127.0.0.1:18000 Connection refused"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BENCH_JSON")
        .hasMessageContaining("Connection refused");
  }
}
