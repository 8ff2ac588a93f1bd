package dev.towerline.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.spec.ContractExample;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves generated types fit the contract: every example is read into the type named after its
 * shape, written back, and must come out as the same JSON. Use a mapper that fails on unknown
 * properties, so a field the type lacks fails too.
 */
public final class ExampleRoundTrips {
  private ExampleRoundTrips() {}

  /**
   * @param packages where the types live, searched in order (e.g. generated REST models, then the
   *     shared ws-protocol types they map onto)
   * @throws ContractViolation listing every example that does not round-trip
   */
  public static void assertRoundTrip(List<ContractExample> examples, ObjectMapper mapper, String... packages) {
    List<String> problems = new ArrayList<>();
    for (ContractExample example : examples) {
      try {
        Object value = mapper.readValue(example.value().toString(), typeOf(example.shape(), packages));
        JsonNode written = mapper.readTree(mapper.writeValueAsString(value));
        JsonNode expected = mapper.readTree(example.value().toString());
        if (!written.equals(expected)) {
          problems.add(example.location() + " (" + example.shape() + ") came back as " + written + " instead of " + expected);
        }
      } catch (JsonProcessingException | ClassNotFoundException e) {
        problems.add(example.location() + " (" + example.shape() + "): " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ContractViolation(problems);
    }
  }

  private static Class<?> typeOf(String shape, String... packages) throws ClassNotFoundException {
    for (String pkg : packages) {
      try {
        return Class.forName(pkg + "." + shape);
      } catch (ClassNotFoundException e) {
        // Not generated here; the next package may hold it.
      }
    }
    throw new ClassNotFoundException("no type " + shape + " in " + String.join(", ", packages));
  }
}
