package dev.towerline.client.internal;

import dev.towerline.client.Page;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A listing as a lazy stream: a page is fetched only when the items before it are used up. */
public final class Paging {

  private Paging() {}

  /**
   * @param fetch the page for a token (null: the first page)
   */
  public static <T> Stream<T> stream(String firstToken, Function<String, Page<T>> fetch) {
    Spliterator<T> pages =
        new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          private Iterator<T> items;
          private String nextToken = firstToken;
          private boolean last;

          @Override
          public boolean tryAdvance(Consumer<? super T> action) {
            // A page may be empty yet not the last (filters applied after paging), so loop.
            while (items == null || !items.hasNext()) {
              if (last) {
                return false;
              }
              Page<T> page = fetch.apply(nextToken);
              items = page.items().iterator();
              nextToken = page.nextPageToken();
              last = nextToken == null;
            }
            action.accept(items.next());
            return true;
          }
        };
    return StreamSupport.stream(pages, false);
  }
}
