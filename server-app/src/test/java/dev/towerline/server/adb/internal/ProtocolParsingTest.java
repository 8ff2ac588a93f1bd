package dev.towerline.server.adb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.towerline.server.adb.AdbDevice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ProtocolParsingTest {

  @Test
  void parsesShortAndLongDeviceLists() {
    List<AdbDevice> devices = DeviceListParser.parse(
        "emulator-5554\tdevice\n"
            + "R58M123ABC             unauthorized usb:1-2 transport_id:7\n"
            + "0123456789ABCDEF       device usb:1-1 product:panther model:Pixel_7 device:panther "
            + "transport_id:3\n"
            + "\n");

    assertThat(devices).extracting(AdbDevice::serial, AdbDevice::state).containsExactly(
        tuple("emulator-5554", "device"), tuple("R58M123ABC", "unauthorized"),
        tuple("0123456789ABCDEF", "device"));
    assertThat(devices.get(2).attributes()).containsExactly(Map.entry("usb", "1-1"),
        Map.entry("product", "panther"), Map.entry("model", "Pixel_7"),
        Map.entry("device", "panther"), Map.entry("transport_id", "3"));
  }

  @Test
  void keepsAMultiWordStateWhole() {
    List<AdbDevice> devices = DeviceListParser.parse("0123456789ABCDEF       no permissions "
        + "(user in plugdev group; are your udev rules wrong?); see "
        + "[http://developer.android.com/tools/device.html] usb:1-4 transport_id:2\n");

    assertThat(devices.get(0).state()).startsWith("no permissions (user in plugdev group")
        .endsWith("device.html]");
    assertThat(devices.get(0).attribute("usb")).contains("1-4");
  }

  @Test
  void parsesGetpropIncludingMultiLineValuesAndCrLf() {
    Map<String, String> properties = ShellOutputParsers.properties(
        "[ro.product.model]: [Pixel 7]\r\n"
            + "[persist.sys.banner]: [line one\n"
            + "line two]\n"
            + "[ro.empty]: []\n"
            + "garbage\n");

    assertThat(properties).containsExactly(Map.entry("ro.product.model", "Pixel 7"),
        Map.entry("persist.sys.banner", "line one\nline two"), Map.entry("ro.empty", ""));
  }

  @Test
  void findsTheBatteryLevelLine() {
    assertThat(ShellOutputParsers.batteryLevel("Current Battery Service state:\n"
        + "  AC powered: false\n  level: 64\n  scale: 100\n")).isEqualTo(OptionalInt.of(64));
    assertThat(ShellOutputParsers.batteryLevel("Can't find service: battery\n")).isEmpty();
  }

  @Test
  void deliversACharacterSplitBetweenChunksWhole() {
    byte[] text = "é🚀!".getBytes(StandardCharsets.UTF_8);
    Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
    StringBuilder out = new StringBuilder();

    for (byte b : text) {
      String piece = decoder.decode(new byte[] {b}, 0, 1);
      assertThat(piece).doesNotContain("\uFFFD");
      out.append(piece);
    }
    out.append(decoder.finish());

    assertThat(out.toString()).isEqualTo("é🚀!");
  }

  @Test
  void replacesMalformedAndTruncatedBytes() {
    Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();

    String text = decoder.decode(new byte[] {'a', (byte) 0xff, 'b', (byte) 0xe2, (byte) 0x9c}, 0,
        5);

    assertThat(text).isEqualTo("a\uFFFDb");
    assertThat(decoder.finish()).isEqualTo("\uFFFD");
  }
}
