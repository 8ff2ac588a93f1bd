package dev.towerline.server.http.fast;

import org.glassfish.grizzly.http.server.Request;

/** A handler that answers some requests at once, on the thread that read them, waiting on nothing. */
public interface InlineAnswers {
  boolean answersInline(Request request);
}
