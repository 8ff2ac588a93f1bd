// The live lab dashboard: devices, executions with live output, lab counters and connection
// state, from the public REST API and the three feeds. Rendering uses textContent only: device
// properties and command output are data, never markup.
import { ApiError, call, newIdempotencyKey, setToken, token } from "./api.js";
import { FeedConnection } from "./feed.js";

const RECENT_EXECUTIONS = 20;
const OUTPUT_KEEP_CHARS = 64 * 1024;
const FINISHED = new Set(["succeeded", "failed", "cancelled", "timed_out", "error", "interrupted"]);

const devices = new Map(); // serial → device
const executions = new Map(); // id → execution
const outputs = new Map(); // id → {text, nextOffset, loading}
const feeds = {};
let stats = null;
let selected = null;
let pendingCreate = null; // {body, key}: reused when the same request is sent again after a failure

const $ = (id) => document.getElementById(id);

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text === undefined || text === null ? "" : String(text);
  if (className) td.className = className;
  return td;
}

function showError(element, error) {
  element.hidden = !error;
  element.textContent = error ? (error.code ? error.code + ": " : "") + error.message : "";
}

// ---- devices ---------------------------------------------------------------------------

function renderDevices() {
  const body = $("devices").tBodies[0];
  body.replaceChildren();
  const options = $("device-serials");
  options.replaceChildren();
  [...devices.values()].sort((a, b) => a.serial.localeCompare(b.serial)).forEach((d) => {
    const row = body.insertRow();
    row.dataset.serial = d.serial;
    cell(row, d.serial, "serial");
    cell(row, d.state, "state state-" + d.state);
    cell(row, [d.manufacturer, d.model].filter(Boolean).join(" "));
    cell(row, d.android_version ? d.android_version + " (SDK " + d.sdk_level + ")" : "");
    cell(row, d.battery_level !== undefined ? d.battery_level + " %" : "");
    const link = d.link || {};
    const failures = link.consecutive_failures ? ", " + link.consecutive_failures + " failures" : "";
    cell(row, (link.breaker_state || "") + failures, "breaker breaker-" + link.breaker_state);
    cell(row, (d.labels || []).join(", "));
    cell(row, d.queued_executions || 0);
    const option = document.createElement("option");
    option.value = d.serial;
    options.append(option);
  });
}

const deviceHandlers = {
  onSnapshot(frame) {
    devices.clear();
    (frame.devices || []).forEach((d) => devices.set(d.serial, d));
    renderDevices();
  },
  onEvent(frame) {
    if (frame.type === "device.updated") {
      devices.set(frame.device.serial, frame.device);
      renderDevices();
    }
  },
};

// ---- executions and output -------------------------------------------------------------

function renderExecutions() {
  const body = $("executions").tBodies[0];
  body.replaceChildren();
  [...executions.values()]
    .sort((a, b) => (b.created_at || "").localeCompare(a.created_at || "") || b.id.localeCompare(a.id))
    .slice(0, RECENT_EXECUTIONS)
    .forEach((e) => {
      const row = body.insertRow();
      row.dataset.id = e.id;
      row.classList.toggle("selected", e.id === selected);
      cell(row, e.created_at ? new Date(e.created_at).toLocaleTimeString() : "");
      cell(row, e.device_serial);
      cell(row, e.command, "command");
      cell(row, e.status, "status status-" + e.status);
      cell(row, e.exit_code);
      const show = document.createElement("button");
      show.className = "link";
      show.textContent = "show";
      show.addEventListener("click", () => select(e.id));
      row.insertCell().append(show);
    });
  renderOutput();
}

function renderOutput() {
  $("output").hidden = selected === null;
  if (selected === null) return;
  const execution = executions.get(selected);
  const output = outputs.get(selected);
  $("output-id").textContent = selected;
  $("output-status").textContent = execution ? execution.status : "";
  $("output-text").textContent = output ? output.text : "";
}

function select(id) {
  selected = id;
  if (!outputs.has(id)) {
    outputs.set(id, { text: "", nextOffset: 0, loading: false, again: false });
  }
  catchUpOutput(id);
  renderExecutions();
}

/**
 * Reads output from where we are over REST: on selection, when a live chunk skips ahead, and when
 * the execution finishes. A call while a read is under way makes that read go round once more, so
 * output that arrived meanwhile is never left out.
 */
async function catchUpOutput(id) {
  const output = outputs.get(id);
  if (!output) return;
  if (output.loading) {
    output.again = true;
    return;
  }
  output.loading = true;
  try {
    do {
      output.again = false;
      for (;;) {
        const page = await call("GET", `/api/v1/executions/${encodeURIComponent(id)}/output?offset=${output.nextOffset}`);
        if (page.offset > output.nextOffset) output.text += "\n[… output dropped by the retention limit …]\n";
        if (page.next_offset > output.nextOffset) {
          output.text = (output.text + page.data).slice(-OUTPUT_KEEP_CHARS);
          output.nextOffset = page.next_offset;
        }
        if (page.complete || page.next_offset <= page.offset) break;
      }
    } while (output.again);
  } catch (error) {
    showError($("page-error"), error);
  } finally {
    output.loading = false;
    renderOutput();
  }
}

const utf8 = new TextEncoder();

function applyChunk(chunk) {
  const output = outputs.get(chunk.execution_id);
  if (!output) return; // not shown: read over REST when selected
  if (output.loading || chunk.offset > output.nextOffset) {
    catchUpOutput(chunk.execution_id);
    return;
  }
  const end = chunk.offset + utf8.encode(chunk.data).length;
  if (end <= output.nextOffset) return; // already have it
  // Chunks never overlap a boundary we read to, so a chunk is either old, the next one, or ahead.
  output.text = (output.text + chunk.data).slice(-OUTPUT_KEEP_CHARS);
  output.nextOffset = end;
  if (chunk.execution_id === selected) renderOutput();
}

/** Adds finished executions from the list; what the feed already said about one is newer. */
async function loadRecentExecutions() {
  try {
    const page = await call("GET", `/api/v1/executions?page_size=${RECENT_EXECUTIONS}`);
    (page.data || []).forEach((e) => executions.has(e.id) || executions.set(e.id, e));
    renderExecutions();
  } catch (error) {
    showError($("page-error"), error);
  }
}

const executionHandlers = {
  onSnapshot(frame) {
    // The snapshot holds queued and running executions: it replaces them; finished ones come from the list.
    executions.clear();
    (frame.executions || []).forEach((e) => executions.set(e.id, e));
    renderExecutions();
    loadRecentExecutions();
    if (selected !== null) catchUpOutput(selected);
  },
  onEvent(frame) {
    if (frame.type === "execution.updated") {
      executions.set(frame.execution.id, frame.execution);
      renderExecutions();
      if (frame.execution.id === selected && FINISHED.has(frame.execution.status)) catchUpOutput(selected);
    } else if (frame.type === "execution.output") {
      applyChunk(frame);
    }
  },
};

// ---- lab counters ----------------------------------------------------------------------

function renderStats() {
  const list = $("stats");
  list.replaceChildren();
  if (!stats) return;
  const add = (name, value) => {
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.textContent = value;
    dd.dataset.stat = name;
    list.append(dt, dd);
  };
  const counts = (map) => Object.entries(map || {}).filter(([, n]) => n > 0).map(([k, n]) => k + " " + n).join(", ") || "none";
  add("devices", counts(stats.devices_by_state));
  add("executions", counts(stats.executions_by_status));
  add("open breakers", String(stats.open_breakers));
  add("connected clients", String(stats.connected_clients));
}

const dashboardHandlers = {
  onSnapshot(frame) {
    stats = frame.stats || null;
    renderStats();
  },
  onEvent(frame) {
    if (frame.type === "stats") {
      stats = frame.stats;
      renderStats();
    }
  },
};

// ---- connection status -----------------------------------------------------------------

function renderConnection() {
  const all = Object.values(feeds);
  const element = $("connection");
  const waiting = all.filter((f) => f.state === "reconnecting");
  let state;
  let text;
  if (waiting.length > 0) {
    state = "reconnecting";
    const seconds = Math.max(0, Math.ceil((Math.min(...waiting.map((f) => f.retryAt)) - Date.now()) / 1000));
    text = `reconnecting in ${seconds} s`;
  } else if (all.some((f) => f.state === "connecting")) {
    state = text = "connecting";
  } else if (all.some((f) => f.state === "resynced")) {
    state = "resynced";
    text = "resynced: state reloaded";
  } else {
    state = text = "live";
  }
  element.dataset.state = state;
  element.textContent = text;
  Object.entries(feeds).forEach(([name, feed]) => {
    const label = $(name + "-status");
    if (label) label.textContent = "(" + feed.state + ")";
  });
}

function feed(name, handlers) {
  const connection = new FeedConnection(`/api/v1/ws/${name}`, {
    ...handlers,
    onStatus: renderConnection,
    onError: (frame) => showError($("page-error"), new ApiError(0, frame.error.code, frame.error.message)),
  }, token);
  feeds[name] = connection;
  return connection;
}

// ---- creating an execution -------------------------------------------------------------

async function createExecution(event) {
  event.preventDefault();
  const body = {
    device_serial: $("create-device").value.trim(),
    command: $("create-command").value,
  };
  const timeout = $("create-timeout").value.trim();
  if (timeout !== "") body.timeout_seconds = Number(timeout);
  const same = pendingCreate && JSON.stringify(pendingCreate.body) === JSON.stringify(body);
  const key = same ? pendingCreate.key : newIdempotencyKey();
  pendingCreate = { body, key };
  showError($("create-error"), null);
  try {
    const execution = await call("POST", "/api/v1/executions", { body, headers: { "Idempotency-Key": key } });
    pendingCreate = null;
    // The feed may have told us about it already (running, even finished): that is newer than this answer.
    if (!executions.has(execution.id)) executions.set(execution.id, execution);
    select(execution.id);
  } catch (error) {
    // A retry of an unanswered request must reuse the key; a refused request gets a new one next time.
    if (error.status !== 0 && error.status < 500) pendingCreate = null;
    showError($("create-error"), error);
  }
}

// ---- start -----------------------------------------------------------------------------

function start() {
  $("token").value = token();
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    setToken($("token").value.trim());
    showError($("page-error"), null);
    Object.values(feeds).forEach((f) => f.restart());
  });
  $("create-form").addEventListener("submit", createExecution);
  feed("devices", deviceHandlers).start();
  feed("executions", executionHandlers).start();
  feed("dashboard", dashboardHandlers).start();
  setInterval(renderConnection, 1000); // the "reconnecting in N s" countdown
}

start();
