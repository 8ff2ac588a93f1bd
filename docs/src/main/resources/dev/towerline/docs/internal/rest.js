// Starts Swagger UI on the REST reference page (api/rest.html). Everything it loads comes from
// this server: the spec below, Swagger UI from the WebJar; no validator badge, no top bar.
"use strict";

// "Try it out" calls go to the server that serves this page, whatever `servers` the spec lists.
function toThisServer(request) {
  const url = new URL(request.url, window.location.href);
  if (url.origin !== window.location.origin) {
    request.url = window.location.origin + url.pathname + url.search;
  }
  return request;
}

// The filter box matches an operation's path, method, operationId, summary, description,
// parameters and the fields of the components it references, not only its tag.
function OperationAndFieldFilter(system) {
  function componentText(ref, depth, seen) {
    if (depth > 4 || seen.has(ref) || !ref.startsWith("#/components/")) return "";
    seen.add(ref);
    const path = ref.substring(2).split("/");
    const node = system.specSelectors.specJson().getIn(path);
    if (!node) return "";
    const text = JSON.stringify(node.toJS());
    return text + refsIn(text).map((r) => componentText(r, depth + 1, seen)).join(" ");
  }
  function refsIn(text) {
    return Array.from(text.matchAll(/"\$ref":"([^"]+)"/g), (m) => m[1]);
  }
  function searchable(op) {
    const text = JSON.stringify(op.toJS());
    const seen = new Set();
    return (text + " " + refsIn(text).map((r) => componentText(r, 0, seen)).join(" ")).toLowerCase();
  }
  return {
    fn: {
      opsFilter(taggedOps, phrase) {
        const needle = String(phrase || "").trim().toLowerCase();
        if (!needle) return taggedOps;
        return taggedOps
          .map((tag, name) => name.toLowerCase().includes(needle)
            ? tag
            : tag.set("operations", tag.get("operations").filter((op) => searchable(op).includes(needle))))
          .filter((tag) => tag.get("operations").size > 0);
      },
    },
  };
}

window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "${specUrl}",
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [OperationAndFieldFilter],
    validatorUrl: null,
    tryItOutEnabled: true,
    filter: true,
    deepLinking: true,
    displayOperationId: true,
    displayRequestDuration: true,
    requestInterceptor: toThisServer,
  });
});
