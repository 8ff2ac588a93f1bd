package com.example.lab;

import dev.towerline.client.DeviceQuery;
import dev.towerline.client.NotFoundException;
import dev.towerline.client.TowerlineClient;
import dev.towerline.protocol.Device;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * A desktop team's program: {@code LabInventory <base URL> [serial…]} prints every device of the
 * lab, or the named ones. It sees the SDK only as the jars its coordinates bring.
 */
public final class LabInventory {

  private LabInventory() {}

  public static void main(String[] args) {
    run(args[0], Arrays.asList(args).subList(1, args.length), System.out);
  }

  static void run(String baseUrl, List<String> serials, PrintStream out) {
    try (TowerlineClient towerline = TowerlineClient.builder().baseUrl(baseUrl).build()) {
      if (serials.isEmpty()) {
        towerline.streamDevices(DeviceQuery.all()).forEach(device -> print(device, out));
      }
      for (String serial : serials) {
        try {
          print(towerline.getDevice(serial), out);
        } catch (NotFoundException e) {
          out.println(serial + " not found (" + e.errorCode().orElse("?") + ", request " + e.requestId().orElse("?") + ")");
        }
      }
    }
  }

  private static void print(Device device, PrintStream out) {
    out.println(device.getSerial() + " " + device.getState().value() + " " + device.getModel());
  }
}
