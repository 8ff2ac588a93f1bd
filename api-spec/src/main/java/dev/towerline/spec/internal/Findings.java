package dev.towerline.spec.internal;

import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects problems, naming files the way people see them ({@code api-spec/openapi.yaml}). */
public final class Findings {
  private final ContractDocuments documents;
  private final List<Problem> problems = new ArrayList<>();

  public Findings(ContractDocuments documents) {
    this.documents = documents;
  }

  public void add(Located where, String message) {
    add(where.file(), where.pointer(), message);
  }

  public void add(String file, String pointer, String message) {
    problems.add(new Problem(documents.displayName(file), pointer, message));
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
