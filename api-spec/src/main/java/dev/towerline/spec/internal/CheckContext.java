package dev.towerline.spec.internal;

import dev.towerline.spec.ContractDocuments;

/** What every rule needs: the files, reference resolution, schema validation and the findings. */
public record CheckContext(
    ContractDocuments documents,
    References references,
    SchemaValidation validation,
    Findings findings) {

  public static CheckContext of(ContractDocuments documents) {
    return new CheckContext(
        documents, new References(documents), new SchemaValidation(), new Findings(documents));
  }

  public Located openApi() {
    return new Located(ContractDocuments.OPENAPI, "", documents.openApi());
  }

  public Located asyncApi() {
    return new Located(ContractDocuments.ASYNCAPI, "", documents.asyncApi());
  }
}
