package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.VirtualDevice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A believable lab rack: phones of several makers and Android versions, a few emulators and one
 * pre-Nougat phone without shell v2. A rack of {@value #RACK_WITH_TROUBLE} or more devices also
 * shows what goes wrong in a real lab: its seventh device waits for the USB debugging prompt
 * ({@code unauthorized}) and its eighth has dropped off ({@code offline}); smaller racks, as tests
 * use, are all online. The same count always gives the same rack.
 */
public final class DemoRack {
  /** Fixed so that demos and screenshots are stable from run to run. */
  private static final long SEED = 5037;
  /** The smallest rack that has an unauthorized and an offline device. */
  public static final int RACK_WITH_TROUBLE = 8;
  private static final int UNAUTHORIZED_INDEX = 6;
  private static final int OFFLINE_INDEX = 7;
  /** Devices per shelf; each shelf is one {@code rack-*} label. */
  private static final int SHELF = 6;

  private record Model(
      String manufacturer, String model, String product, String device, String release, int sdk,
      String abi, boolean shellV2) {}

  private static final List<Model> MODELS = List.of(
      new Model("Google", "Pixel 8 Pro", "husky", "husky", "14", 34, "arm64-v8a", true),
      new Model("Google", "Pixel 7", "panther", "panther", "14", 34, "arm64-v8a", true),
      new Model("samsung", "SM-S911B", "dm1qxxx", "dm1q", "14", 34, "arm64-v8a", true),
      new Model("samsung", "SM-A546B", "a54xnsxx", "a54x", "13", 33, "arm64-v8a", true),
      new Model("Google", "Pixel 6a", "bluejay", "bluejay", "13", 33, "arm64-v8a", true),
      new Model("Xiaomi", "23021RAAEG", "tapas_global", "tapas", "13", 33, "arm64-v8a", true),
      new Model("OnePlus", "CPH2449", "CPH2449", "OP594DL1", "14", 34, "arm64-v8a", true),
      new Model("motorola", "moto g(60)", "hanoip_retail", "hanoip", "12", 31, "arm64-v8a", true),
      new Model("Sony", "XQ-DQ54", "XQ-DQ54", "XQ-DQ54", "13", 33, "arm64-v8a", true),
      new Model("samsung", "SM-G991B", "o1sxxx", "o1s", "12", 31, "arm64-v8a", true),
      new Model("HMD Global", "Nokia G21", "Nokia_G21_00WW", "NKI_sprout", "11", 30,
          "armeabi-v7a", true),
      new Model("Google", "Pixel 4a", "sunfish", "sunfish", "11", 30, "arm64-v8a", true),
      new Model("LGE", "Nexus 5X", "bullhead", "bullhead", "8.1.0", 27, "arm64-v8a", true),
      new Model("samsung", "SM-J320F", "j3xnltexx", "j3xnlte", "5.1.1", 22, "armeabi-v7a",
          false));

  private static final Model EMULATOR = new Model("Google", "sdk_gphone64_x86_64",
      "sdk_gphone64_x86_64", "emu64x", "14", 34, "x86_64", true);

  private DemoRack() {}

  /** {@code count} devices: every fifth is an emulator, the others cycle through real phones. */
  public static List<VirtualDevice> devices(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("device count must not be negative: " + count);
    }
    Random random = new Random(SEED);
    List<VirtualDevice> rack = new ArrayList<>(count);
    int emulators = 0;
    Set<String> used = new HashSet<>();
    for (int i = 0; i < count; i++) {
      boolean emulator = i % 5 == 4;
      Model model = emulator ? EMULATOR : MODELS.get((i - i / 5) % MODELS.size());
      String serial = emulator ? "emulator-" + (5554 + 2 * emulators++) : null;
      while (serial == null || !used.add(serial)) {
        serial = String.format(Locale.ROOT, "%s%08X", prefix(model), random.nextInt() & 0x7fffffff);
      }
      rack.add(VirtualDevice.builder(serial)
          .manufacturer(model.manufacturer())
          .model(model.model())
          .product(model.product())
          .deviceName(model.device())
          .androidVersion(model.release())
          .sdk(model.sdk())
          .abi(model.abi())
          .shellV2(model.shellV2())
          .batteryLevel(15 + random.nextInt(86))
          .state(stateOf(i, count))
          .build());
    }
    return rack;
  }

  private static DeviceState stateOf(int index, int count) {
    if (count < RACK_WITH_TROUBLE) {
      return DeviceState.DEVICE;
    }
    return switch (index) {
      case UNAUTHORIZED_INDEX -> DeviceState.UNAUTHORIZED;
      case OFFLINE_INDEX -> DeviceState.OFFLINE;
      default -> DeviceState.DEVICE;
    };
  }

  /**
   * The labels an operator would give the rack's devices, by serial: the shelf ({@code rack-a}
   * for the first six, {@code rack-b} for the next six, …) and {@code emulator} or {@code phone}.
   */
  public static Map<String, List<String>> labels(List<VirtualDevice> rack) {
    Map<String, List<String>> labels = new LinkedHashMap<>();
    for (int i = 0; i < rack.size(); i++) {
      String serial = rack.get(i).serial();
      labels.put(serial, List.of(shelf(i), serial.startsWith("emulator-") ? "emulator" : "phone"));
    }
    return Collections.unmodifiableMap(labels);
  }

  private static String shelf(int index) {
    int shelf = index / SHELF;
    return "rack-" + (shelf < 26 ? String.valueOf((char) ('a' + shelf)) : Integer.toString(shelf + 1));
  }

  private static String prefix(Model model) {
    String letters = model.manufacturer().replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
    return letters.substring(0, Math.min(2, letters.length()));
  }
}
