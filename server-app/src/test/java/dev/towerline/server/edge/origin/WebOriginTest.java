package dev.towerline.server.edge.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.server.edge.host.HostName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Origins as browsers write them, and when a page is the server's own. */
class WebOriginTest {

  @Test
  void fillsInTheDefaultPortOfTheScheme() {
    assertThat(WebOrigin.parse("https://Lab.Example")).contains(new WebOrigin("https", "lab.example", 443));
    assertThat(WebOrigin.parse("http://lab.example:8080")).contains(new WebOrigin("http", "lab.example", 8080));
    assertThat(WebOrigin.parse("https://lab.example:443").orElseThrow().serialized()).isEqualTo("https://lab.example");
  }

  @Test
  void refusesWhatIsNotAnHttpOrigin() {
    assertThat(WebOrigin.parse("null")).isEmpty();
    assertThat(WebOrigin.parse("file://")).isEmpty();
    assertThat(WebOrigin.parse("chrome-extension://abc")).isEmpty();
    assertThat(WebOrigin.parse("https://lab.example/path")).isEmpty();
  }

  @Test
  void isTheSameOriginAsAHostWithTheSameNameAndPort() {
    WebOrigin origin = WebOrigin.parse("http://127.0.0.1:8080").orElseThrow();

    assertThat(origin.isSameAs(HostName.parse("127.0.0.1:8080").orElseThrow())).isTrue();
    assertThat(origin.isSameAs(HostName.parse("127.0.0.1:8081").orElseThrow())).isFalse();
    assertThat(origin.isSameAs(HostName.parse("localhost:8080").orElseThrow())).isFalse();
    assertThat(WebOrigin.parse("https://lab.example").orElseThrow().isSameAs(HostName.parse("lab.example").orElseThrow())).isTrue();
  }

  @Test
  void refusesListEntriesThatAreNotOriginsNamingTheVariable() {
    assertThatThrownBy(() -> OriginList.parse("ALLOWED_ORIGINS", List.of("lab.example"), false))
        .hasMessageStartingWith("ALLOWED_ORIGINS entries must be origins")
        .hasMessageEndingWith(": lab.example");
    assertThatThrownBy(() -> OriginList.parse("ALLOWED_ORIGINS", List.of("*"), false)).isInstanceOf(IllegalArgumentException.class);
    assertThat(OriginList.parse("CORS_ALLOWED_ORIGINS", List.of("*"), true).isAny()).isTrue();
  }
}
