package dev.towerline.docs.internal;

/**
 * The frame around every hand-rendered page: head, navigation, footer. {@code root} is the path
 * from the page back to the site root ({@code ""} or {@code "../"}), so the site works from any
 * folder and from {@code file://}.
 */
final class PageLayout {
  static final String STYLESHEET = "style.css";
  static final String SITE_NAME = "Towerline docs";

  private PageLayout() {}

  static String page(String title, String root, String contractVersion, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + Html.escape(title.equals(SITE_NAME) ? title : title + " · " + SITE_NAME) + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"" + root + STYLESHEET + "\">\n</head>\n<body>\n"
        + "<header><nav>"
        + "<a class=\"home\" href=\"" + root + "index.html\">" + SITE_NAME + "</a>"
        + "<a href=\"" + root + "api/rest.html\">REST</a>"
        + "<a href=\"" + root + "api/websocket.html\">WebSocket</a>"
        + "<a href=\"" + root + "api/errors.html\">Error codes</a>"
        + "<a href=\"" + root + "index.html#guides\">Guides</a>"
        + "</nav></header>\n<main>\n" + body + "</main>\n"
        + "<footer>Contract version " + Html.escape(contractVersion)
        + " · built from <code>api-spec/</code> and <code>docs/guides/</code>.</footer>\n"
        + "</body>\n</html>\n";
  }
}
