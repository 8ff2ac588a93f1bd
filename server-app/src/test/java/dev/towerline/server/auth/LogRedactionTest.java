package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.towerline.server.testing.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AC-913: the production log formats redact credentials in messages and in stack traces. */
class LogRedactionTest {

  @ParameterizedTest
  @ValueSource(strings = {"json", "text"})
  void messagesAndStackTracesAreRedactedAndTheStackTraceIsWrittenOnce(String format) throws Exception {
    String token = TestTokens.newToken();
    String written = log(format, context -> context.getLogger("towerline.test").error(
        "Refused Authorization: Bearer " + token, new IllegalStateException("token " + token + " and ?access_token=" + token)));

    assertThat(written).doesNotContain(token).doesNotContain(token.substring(3)).contains("[redacted]");
    assertThat(written.split("IllegalStateException", -1)).as(written).hasSize(2);
    assertThat(written).doesNotContain("%nopex");
  }

  private static String log(String format, java.util.function.Consumer<LoggerContext> logging) throws Exception {
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      String configuration =
          "<configuration><include resource=\"towerline-log-" + format + ".xml\"/>"
              + "<root level=\"INFO\"><appender-ref ref=\"console\"/></root></configuration>";
      configurator.doConfigure(new ByteArrayInputStream(configuration.getBytes(StandardCharsets.UTF_8)));
      logging.accept(context);
    } finally {
      context.stop();
      System.setOut(console);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
