package dev.towerline.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which commands count as examples a newcomer copies, and which do not. */
class DeviceCommandExamplesTest {

  @Test
  void takesExecutionExamplesButNotAuditPayloadsOrStoppedRuns() {
    String yaml = """
        paths:
          /x:
            post:
              requestBody:
                content:
                  application/json:
                    example: {device_serial: a, command: pm list packages}
              responses:
                '200':
                  content:
                    application/json:
                      examples:
                        list:
                          value:
                            data:
                              - {device_serial: a, command: 'am instrument -w p/r', status: running}
                              - {device_serial: a, command: sleep 600, status: cancelled}
                              - {device_serial: a, command: sleep 120, status: timed_out}
                        audit:
                          value:
                            data:
                              - payload: {device_serial: a, command: reboot}
        components:
          schemas:
            Req:
              properties:
                command: {type: string}
        """;

    assertThat(DeviceCommandExamples.fromContract(yaml))
        .containsExactly("pm list packages", "am instrument -w p/r");
  }

  @Test
  void takesDeviceCommandsFromCodeBlocksOnly(@TempDir Path guides) throws IOException {
    Files.writeString(guides.resolve("a.md"), """
        Run `"command": "not in a block"` in prose.

        ```
        curl -d '{"device_serial": "<serial>", "command": "getprop ro.product.model"}'
        GO1517DCAF$ echo "quoted \\"word\\""
        ```

        ```java
        client.create(NewExecution.of(serial, "uptime").withTimeoutSeconds(60));
        ```
        """);
    Files.writeString(guides.resolve("notes.txt"), "```\n\"command\": \"ignored\"\n```\n");

    assertThat(DeviceCommandExamples.fromGuides(guides))
        .containsExactly("getprop ro.product.model", "echo \"quoted \\\"word\\\"\"", "uptime");
  }
}
