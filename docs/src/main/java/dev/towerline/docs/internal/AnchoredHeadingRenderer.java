package dev.towerline.docs.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders a heading with the id the heading-anchor extension gives it and a {@code #} link to
 * itself after the text, so a reader can copy the link to any section.
 */
final class AnchoredHeadingRenderer implements NodeRenderer {
  private final HtmlNodeRendererContext context;
  private final HtmlWriter html;

  AnchoredHeadingRenderer(HtmlNodeRendererContext context) {
    this.context = context;
    this.html = context.getWriter();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Heading.class);
  }

  @Override
  public void render(Node node) {
    String tag = "h" + ((Heading) node).getLevel();
    Map<String, String> attributes = context.extendAttributes(node, tag, Map.of());
    html.line();
    html.tag(tag, attributes);
    for (Node child = node.getFirstChild(); child != null; ) {
      Node next = child.getNext();
      context.render(child);
      child = next;
    }
    String id = attributes.get("id");
    if (id != null) {
      html.raw(" ");
      Map<String, String> link = new LinkedHashMap<>();
      link.put("class", "anchor");
      link.put("href", "#" + id);
      link.put("aria-label", "Link to this section");
      html.tag("a", link);
      html.text("#");
      html.tag("/a");
    }
    html.tag("/" + tag);
    html.line();
  }
}
