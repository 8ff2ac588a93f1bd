package dev.towerline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.audit.AuditConfig;
import dev.towerline.server.auth.AuthConfig;
import dev.towerline.server.edge.EdgeConfig;
import dev.towerline.server.edge.cors.CorsPolicy;
import dev.towerline.server.edge.host.HostPolicy;
import dev.towerline.server.edge.origin.OriginPolicy;
import dev.towerline.server.edge.ratelimit.RateLimitConfig;
import dev.towerline.server.executions.ExecutionConfig;
import dev.towerline.server.feed.FeedConfig;
import dev.towerline.server.policy.CommandPolicyConfig;
import dev.towerline.server.store.DatabaseConfig;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * FR-705: every environment variable the configuration classes read is in the configuration
 * reference, and the default it documents is the one the code takes when the variable is unset.
 */
class ConfigurationReferenceTest {

  private static final Path REFERENCE = Path.of("..", "docs", "guides", "configuration.md");
  private static final List<Class<?>> CONFIGS =
      List.of(
          ServerConfig.class,
          DatabaseConfig.class,
          AdbConfig.class,
          ExecutionConfig.class,
          FeedConfig.class,
          EdgeConfig.class,
          HostPolicy.class,
          OriginPolicy.class,
          CorsPolicy.class,
          RateLimitConfig.class,
          AuthConfig.class,
          AuditConfig.class,
          CommandPolicyConfig.class);
  // A table row: | `NAME` | `default` … | …; rows that name several variables or no literal default are listed too.
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z_]+)`(?:, `([A-Z_]+)`)? \\| ([^|]*) \\|");
  private static final Pattern LITERAL = Pattern.compile("^`([^`]+)`");

  @Test
  void everyVariableIsDocumentedWithTheDefaultTheCodeTakes() throws Exception {
    Map<String, String> documented = documentedDefaults();
    TowerlineConfig unset = TowerlineConfig.fromEnvironment(Map.of());

    List<String> variables = variablesReadByTheCode();
    assertThat(variables).as("variables read by the configuration classes").hasSizeGreaterThan(20);
    assertThat(documented.keySet()).as("variables in %s", REFERENCE).containsAll(variables);
    for (String variable : variables) {
      String value = documented.get(variable);
      if (value != null) {
        TowerlineConfig explicit = TowerlineConfig.fromEnvironment(Map.of(variable, value));
        assertThat(settings(explicit)).as("%s=%s against leaving it unset", variable, value).isEqualTo(settings(unset));
      }
    }
  }

  /** Variable → its documented default when that is a literal value (`8080`), else null. */
  private static Map<String, String> documentedDefaults() throws IOException {
    Map<String, String> defaults = new LinkedHashMap<>();
    Matcher row = ROW.matcher(Files.readString(REFERENCE));
    while (row.find()) {
      Matcher literal = LITERAL.matcher(row.group(3).trim());
      String value = literal.find() ? literal.group(1) : null;
      defaults.put(row.group(1), value);
      if (row.group(2) != null) {
        defaults.put(row.group(2), null);
      }
    }
    return defaults;
  }

  private static List<String> variablesReadByTheCode() throws IllegalAccessException {
    List<String> variables = new ArrayList<>();
    for (Class<?> config : CONFIGS) {
      for (Field field : config.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_VARIABLE") && field.getType() == String.class) {
          variables.add((String) field.get(null));
        }
      }
    }
    return variables;
  }

  /** Every setting of every part, by accessor, for configuration classes without equals. */
  private static Map<String, Object> settings(TowerlineConfig config) throws ReflectiveOperationException {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (RecordComponent component : TowerlineConfig.class.getRecordComponents()) {
      Object part = component.getAccessor().invoke(config);
      for (Method accessor : part.getClass().getMethods()) {
        if (accessor.getParameterCount() == 0
            && !Modifier.isStatic(accessor.getModifiers())
            && accessor.getDeclaringClass() == part.getClass()
            && !accessor.getName().startsWith("to")
            && !accessor.getName().equals("hashCode")) {
          settings.put(component.getName() + "." + accessor.getName(), accessor.invoke(part));
        }
      }
    }
    return settings;
  }
}
