package dev.towerline.adb.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void servesManyConcurrentClientsAcrossSixtyDevices() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(48);
    try (AdbSimulator sim = AdbSimulator.demo(60).start()) {
      // The rack's unauthorized and offline devices refuse shells, as real ones do.
      List<VirtualDevice> devices = sim.devices().stream()
          .filter(device -> device.state() == DeviceState.DEVICE).toList();
      assertThat(devices).hasSize(58);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 240; i++) {
        VirtualDevice device = devices.get(i % devices.size());
        answers.add(clients.submit(() -> serialAfterAShortSleep(sim.port(), device)));
      }
      answers.add(clients.submit(() -> AdbTestClient.query(sim.port(), "host:devices-l")));

      for (int i = 0; i < 240; i++) {
        assertThat(answers.get(i).get(20, TimeUnit.SECONDS))
            .isEqualTo(devices.get(i % devices.size()).serial() + "\n");
      }
      assertThat(answers.get(240).get(20, TimeUnit.SECONDS).lines()).hasSize(60)
          .anyMatch(line -> line.contains(" unauthorized ")).anyMatch(line -> line.contains(" offline "));
    } finally {
      clients.shutdownNow();
    }
  }

  private static String serialAfterAShortSleep(int port, VirtualDevice device)
      throws IOException {
    String command = "sleep 0.05; getprop ro.serialno";
    return device.shellV2()
        ? AdbTestClient.shellV2(port, device.serial(), command).stdout()
        : AdbTestClient.legacyShell(port, device.serial(), command);
  }
}
