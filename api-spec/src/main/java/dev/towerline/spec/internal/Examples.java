package dev.towerline.spec.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The example values of a media type, parameter or header: {@code example} or each {@code examples} entry. */
public final class Examples {
  private Examples() {}

  /** Each example value, located where it is written (after following {@code $ref}s to components). */
  public static List<Located> of(CheckContext ctx, Located holder) {
    List<Located> values = new ArrayList<>();
    Located single = holder.child("example");
    if (single.present()) {
      values.add(single);
    }
    Located many = holder.child("examples");
    if (many.present()) {
      for (Iterator<String> it = many.node().fieldNames(); it.hasNext(); ) {
        ctx.references()
            .resolve(many.child(it.next()))
            .map(example -> example.child("value"))
            .filter(Located::present)
            .ifPresent(values::add);
      }
    }
    return values;
  }
}
