package dev.towerline.docs.internal;

/**
 * The frame around every page: head, navigation, footer. {@code root} is the path from the page
 * back to the site root ({@code ""} or {@code "../"}), so links work under any mount point (the
 * server serves the site at {@code /docs/}) and from {@code file://}.
 */
final class PageLayout {
  static final String STYLESHEET = "style.css";
  static final String SITE_NAME = "Towerline docs";
  /** The live dashboard the server serves next to the docs; the one link that leaves the site. */
  static final String DASHBOARD = "/dashboard/";
  /** An empty icon: without one the browser asks the server for /favicon.ico, which does not exist. */
  static final String NO_FAVICON = "<link rel=\"icon\" href=\"data:,\">\n";

  private PageLayout() {}

  static String page(String title, String root, String contractVersion, String body) {
    return page(title, root, contractVersion, "", "<main>\n" + body + "</main>\n");
  }

  /** A page whose {@code content} brings its own container, with {@code head} added to the head. */
  static String page(String title, String root, String contractVersion, String head, String content) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + Html.escape(title.equals(SITE_NAME) ? title : title + " · " + SITE_NAME) + "</title>\n"
        + NO_FAVICON + "<link rel=\"stylesheet\" href=\"" + root + STYLESHEET + "\">\n" + head + "</head>\n<body>\n"
        + "<header><nav>"
        + "<a class=\"home\" href=\"" + root + "index.html\">" + SITE_NAME + "</a>"
        + "<a href=\"" + root + RestReference.FILE + "\">REST</a>"
        + "<a href=\"" + root + WebSocketPage.FILE + "\">WebSocket</a>"
        + "<a href=\"" + root + ErrorCodesPage.FILE + "\">Error codes</a>"
        + "<a href=\"" + root + "index.html#guides\">Guides</a>"
        + "<a href=\"" + DASHBOARD + "\">Dashboard</a>"
        + "</nav></header>\n" + content
        + "<footer>Contract version " + Html.escape(contractVersion)
        + " · built from <code>api-spec/</code> and <code>docs/guides/</code>.</footer>\n"
        + "</body>\n</html>\n";
  }
}
