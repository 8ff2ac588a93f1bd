package dev.towerline.server.contract;

import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;

/**
 * Schema dialects that keep unknown keywords as annotations, silently: the documents' own keys
 * ({@code paths}, {@code x-error-codes}, the shared schemas' {@code javaInterfaces}, ...) are not
 * schema keywords, and warning about them at every start would teach operators to ignore warnings.
 */
final class QuietDialects {
  private QuietDialects() {}

  static JsonMetaSchema quiet(JsonMetaSchema dialect) {
    return JsonMetaSchema.builder(dialect).unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword)).build();
  }
}
