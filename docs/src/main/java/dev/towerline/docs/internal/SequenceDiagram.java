package dev.towerline.docs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A two-party sequence diagram (client and server) drawn as inline SVG: arrows with labels, and
 * framed groups ("alt" branches, loops) around some of them. No script, no web font: the page
 * stays offline and the diagram scales with the page.
 */
final class SequenceDiagram {
  private static final int WIDTH = 760;
  private static final int CLIENT_X = 110;
  private static final int SERVER_X = 650;
  private static final int STEP = 34;
  private static final int TOP = 58;
  private static final int FRAME_HEADER = 26;

  private final String title;
  private final List<String> shapes = new ArrayList<>();
  private int y = TOP;
  private int frameStart = -1;
  private String frameLabel = "";

  SequenceDiagram(String title) {
    this.title = title;
  }

  /** An arrow from the client to the server. */
  SequenceDiagram toServer(String label) {
    return arrow(CLIENT_X, SERVER_X, label, false);
  }

  /** An arrow from the server to the client. */
  SequenceDiagram toClient(String label) {
    return arrow(SERVER_X, CLIENT_X, label, false);
  }

  /** A dashed arrow from the server to the client: a reply or something that may repeat. */
  SequenceDiagram replyToClient(String label) {
    return arrow(SERVER_X, CLIENT_X, label, true);
  }

  /** A dashed arrow from the client to the server. */
  SequenceDiagram replyToServer(String label) {
    return arrow(CLIENT_X, SERVER_X, label, true);
  }

  /** A note across both lifelines. */
  SequenceDiagram note(String text) {
    shapes.add(String.format(Locale.ROOT,
        "<rect class=\"note\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"24\" rx=\"3\"/>"
            + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
        CLIENT_X - 60, y - 6, SERVER_X - CLIENT_X + 120, WIDTH / 2, y + 11, Html.escape(text)));
    y += STEP;
    return this;
  }

  /** Starts a framed group labelled {@code label} ({@code alt [no since]}); ended by {@link #end()}. */
  SequenceDiagram frame(String label) {
    if (frameStart >= 0) {
      end();
    }
    frameStart = y;
    frameLabel = label;
    y += FRAME_HEADER;
    return this;
  }

  /** Ends the open group. */
  SequenceDiagram end() {
    int left = CLIENT_X - 80;
    int width = SERVER_X - CLIENT_X + 160;
    shapes.add(String.format(Locale.ROOT,
        "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
            + "<text class=\"frame-label\" x=\"%d\" y=\"%d\">%s</text>",
        left, frameStart - 8, width, y - frameStart, left + 6, frameStart + 7, Html.escape(frameLabel)));
    frameStart = -1;
    y += 6;
    return this;
  }

  private SequenceDiagram arrow(int from, int to, String label, boolean dashed) {
    shapes.add(String.format(Locale.ROOT,
        "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" marker-end=\"url(#arrow)\"/>"
            + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
        dashed ? "msg dashed" : "msg", from, y + 8, to, y + 8, (from + to) / 2, y + 2, Html.escape(label)));
    y += STEP;
    return this;
  }

  String svg() {
    if (frameStart >= 0) {
      end();
    }
    int height = y + 20;
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "<svg class=\"sequence\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
            + "aria-labelledby=\"sequence-title\">\n<title id=\"sequence-title\">%s</title>\n"
            + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
            + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>\n",
        WIDTH, height, Html.escape(title)));
    out.append(lifeline(CLIENT_X, "Client", height)).append(lifeline(SERVER_X, "Server", height));
    shapes.forEach(shape -> out.append(shape).append('\n'));
    return out.append("</svg>\n").toString();
  }

  private static String lifeline(int x, String name, int height) {
    return String.format(Locale.ROOT,
        "<rect class=\"actor\" x=\"%d\" y=\"8\" width=\"110\" height=\"28\" rx=\"4\"/>"
            + "<text class=\"actor-name\" x=\"%d\" y=\"27\" text-anchor=\"middle\">%s</text>"
            + "<line class=\"lifeline\" x1=\"%d\" y1=\"36\" x2=\"%d\" y2=\"%d\"/>\n",
        x - 55, x, name, x, x, height - 6);
  }
}
