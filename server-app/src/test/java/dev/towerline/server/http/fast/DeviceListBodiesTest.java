package dev.towerline.server.http.fast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.server.adb.MutableClock;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.devices.listing.DeviceListing;
import dev.towerline.server.devices.listing.DeviceQuery;
import dev.towerline.server.http.ObjectMapperResolver;
import dev.towerline.server.http.resource.DeviceLists;
import dev.towerline.server.json.JsonMappers;
import dev.towerline.spec.ContractDocuments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The first pages the device-list fast path answers from a kept rendering are, byte for byte, the
 * page as rendered at that moment; a change of the directory's version, a directory without one, a
 * page with a next-page token and another page size each get a page rendered for them.
 */
class DeviceListBodiesTest {
  private static final RequestContract CONTRACT = RequestContract.read(ContractDocuments.bundled());

  private final MutableClock clock = MutableClock.atTheEpochOfTheTests();
  private final ObjectMapper json = new ObjectMapperResolver(JsonMappers.create()).getContext(Object.class);
  private final Devices directory = new Devices();
  private final DeviceLists lists = new DeviceLists(new DeviceListing(directory, clock), clock, CONTRACT);
  private final DeviceListBodies bodies = new DeviceListBodies(lists, json);

  @Test
  void aKeptPageIsThePageAsRenderedNowWithTheTimestampOfNow() throws Exception {
    directory.add("SERIAL-1").add("SERIAL-2").version("v1");
    bodies.firstPage(null);
    clock.advance(Duration.ofMillis(1234));

    byte[] kept = bodies.firstPage(null);

    assertThat(directory.reads.get()).isEqualTo(1);
    assertThat(new String(kept, "UTF-8")).isEqualTo(rendered(null));
    assertThat(parse(kept).path("timestamp").asText()).isEqualTo("2026-11-22T10:00:01.234Z");
  }

  @Test
  void aNewVersionShowsTheChangedDevices() throws Exception {
    directory.add("SERIAL-1").version("v1");
    bodies.firstPage(null);

    directory.add("SERIAL-2").version("v2");

    assertThat(serials(bodies.firstPage(null))).containsExactly("SERIAL-1", "SERIAL-2");
    assertThat(new String(bodies.firstPage(null), "UTF-8")).isEqualTo(rendered(null));
  }

  @Test
  void aDirectoryWithoutAVersionIsReadForEveryPage() throws Exception {
    directory.add("SERIAL-1");
    bodies.firstPage(null);

    directory.add("SERIAL-2");

    assertThat(serials(bodies.firstPage(null))).containsExactly("SERIAL-1", "SERIAL-2");
    assertThat(directory.reads.get()).isEqualTo(2);
  }

  @Test
  void eachPageSizeGetsAPageOfItsOwn() throws Exception {
    directory.add("SERIAL-1").add("SERIAL-2").version("v1");
    bodies.firstPage(null);

    JsonNode sized = parse(bodies.firstPage(7));

    assertThat(sized.path("metadata").path("page_size").asInt()).isEqualTo(7);
    assertThat(new String(bodies.firstPage(7), "UTF-8")).isEqualTo(rendered(7));
  }

  @Test
  void aPageWithANextPageTokenIsRenderedEveryTimeWithATokenOfItsOwn() throws Exception {
    directory.add("SERIAL-1").add("SERIAL-2").add("SERIAL-3").version("v1");

    JsonNode first = parse(bodies.firstPage(2));
    JsonNode second = parse(bodies.firstPage(2));

    assertThat(first.path("metadata").path("next_page_token").asText()).isNotEmpty();
    assertThat(second.path("metadata").path("next_page_token").asText())
        .isNotEqualTo(first.path("metadata").path("next_page_token").asText());
    assertThat(directory.reads.get()).isEqualTo(2);
  }

  private String rendered(Integer pageSize) throws Exception {
    return json.writeValueAsString(lists.list(new DeviceQuery(null, null, null, null, null), pageSize, null));
  }

  private JsonNode parse(byte[] body) throws Exception {
    return json.readTree(body);
  }

  private List<String> serials(byte[] body) throws Exception {
    List<String> serials = new ArrayList<>();
    parse(body).path("data").forEach(device -> serials.add(device.path("serial").asText()));
    return serials;
  }

  /** Online devices as fresh copies on every read, with a version the test sets. */
  private static final class Devices implements DeviceDirectory {
    private final List<String> serials = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile Optional<Object> version = Optional.empty();

    Devices add(String serial) {
      serials.add(serial);
      return this;
    }

    Devices version(Object now) {
      version = Optional.of(now);
      return this;
    }

    @Override
    public List<Device> all() {
      reads.incrementAndGet();
      return serials.stream()
          .map(serial -> new Device().withSerial(serial).withModel("Pixel").withState(DeviceState.ONLINE).withLabels(List.of()))
          .toList();
    }

    @Override
    public Optional<Device> find(String serial) {
      return all().stream().filter(device -> device.getSerial().equals(serial)).findFirst();
    }

    @Override
    public Optional<Object> version() {
      return version;
    }

    @Override
    public void addListener(Consumer<Device> listener) {}
  }
}
