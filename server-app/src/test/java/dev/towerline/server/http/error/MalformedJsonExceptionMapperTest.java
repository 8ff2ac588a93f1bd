package dev.towerline.server.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.towerline.protocol.ApiError;
import dev.towerline.server.contract.ErrorCodeCatalog;
import dev.towerline.server.contract.PublishedContract;
import dev.towerline.server.model.ErrorEnvelope;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class MalformedJsonExceptionMapperTest {
  private final MalformedJsonExceptionMapper mapper =
      new MalformedJsonExceptionMapper(
          new ErrorResponses(ErrorCodeCatalog.fromContract(PublishedContract.fromClasspath(getClass().getClassLoader()))));

  @Test
  void parserLimitRaisedWithoutAParserIsTheClientsMistakeInOurWords() {
    Response response =
        mapper.toResponse(new StreamConstraintsException("Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"));

    assertThat(response.getStatus()).isEqualTo(400);
    ApiError error = ((ErrorEnvelope) response.getEntity()).getError();
    assertThat(error.getCode().value()).isEqualTo("MALFORMED_JSON");
    assertThat(error.getMessage()).startsWith("Request body is not valid JSON: it exceeds the parser's limits").doesNotContain("StreamReadConstraints");
  }
}
