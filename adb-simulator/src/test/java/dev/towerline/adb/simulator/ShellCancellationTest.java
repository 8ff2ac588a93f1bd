package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShellCancellationTest {
  private static final String SERIAL = "emulator-5554";

  private final MutableClock clock = new MutableClock();
  private AdbSimulator sim;
  private int port;

  @BeforeEach
  void startSimulator() throws IOException {
    sim = AdbSimulator.builder().device(VirtualDevice.builder(SERIAL).build()).clock(clock)
        .build().start();
    port = sim.port();
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  @Test
  void stopsASleepingCommandWhenTheClientCloses() throws IOException {
    AdbTestClient client = AdbTestClient.onDevice(port, SERIAL, "shell,v2,raw:sleep 30; echo late");
    client.expectOkay().sendCloseStdin();
    await().atMost(Duration.ofSeconds(2)).until(() -> sim.openConnections() == 1);

    client.close();

    await().atMost(Duration.ofSeconds(2)).until(() -> sim.openConnections() == 0);
  }

  @Test
  void stopsASlowRegisteredCommandWhenTheClientCloses() throws Exception {
    AtomicInteger printed = new AtomicInteger();
    CountDownLatch stopped = new CountDownLatch(1);
    ShellCommand ticker = (session, args) -> {
      try {
        for (int i = 1; i <= Integer.parseInt(args.get(0)); i++) {
          session.out("line " + i + "\n");
          printed.incrementAndGet();
          session.sleep(Duration.ofMillis(20));
        }
        return 0;
      } finally {
        stopped.countDown();
      }
    };
    try (AdbSimulator realTime = AdbSimulator.builder().device(VirtualDevice.builder(SERIAL).build())
        .command("ticker", ticker).build().start()) {
      try (AdbTestClient client =
          AdbTestClient.onDevice(realTime.port(), SERIAL, "shell,v2,raw:ticker 100000")) {
        client.expectOkay();
        assertThat(client.readShellV2Stdout()).isEqualTo("line 1\n");
        assertThat(client.readShellV2Stdout()).isEqualTo("line 2\n");
      }

      assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(printed.get()).isLessThan(1000);
    }
  }

  @Test
  void sleepsOnTheInjectedClock() throws Exception {
    CompletableFuture<AdbTestClient.ShellResult> shell = CompletableFuture.supplyAsync(
        () -> unchecked(() -> AdbTestClient.shellV2(port, SERIAL, "sleep 2.5; echo done")));
    await().atMost(Duration.ofSeconds(2)).until(() -> sim.openConnections() == 1);

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
        .until(() -> !shell.isDone());
    clock.advance(Duration.ofMillis(2500));

    assertThat(shell.get(5, TimeUnit.SECONDS).stdout()).isEqualTo("done\n");
  }

  @Test
  void takingTheDeviceOfflineCutsARunningShell() throws IOException {
    try (AdbTestClient client = AdbTestClient.onDevice(port, SERIAL, "shell:sleep 30")) {
      client.expectOkay();
      await().atMost(Duration.ofSeconds(2)).until(() -> sim.openConnections() == 1);

      sim.faults().takeOffline(SERIAL);

      assertThat(client.readToEnd()).isEmpty();
    }
    await().atMost(Duration.ofSeconds(2)).until(() -> sim.openConnections() == 0);
  }

  interface IoSupplier<T> {
    T get() throws IOException;
  }

  static <T> T unchecked(IoSupplier<T> call) {
    try {
      return call.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
