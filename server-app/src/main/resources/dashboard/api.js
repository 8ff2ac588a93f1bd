// The REST calls of the dashboard. Every failure becomes an ApiError carrying the error
// envelope's code and message, so the page can show what the server said.

const TOKEN_KEY = "towerline.token";

export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

export function token() {
  return window.sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(value) {
  if (value) {
    window.sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    window.sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** A random version-4 UUID; also where crypto.randomUUID is missing (plain http on a LAN address). */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function call(method, path, { body, headers = {} } = {}) {
  const request = { method, headers: { Accept: "application/json", ...headers } };
  if (token()) {
    request.headers.Authorization = "Bearer " + token();
  }
  if (body !== undefined) {
    request.headers["Content-Type"] = "application/json";
    request.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, request);
  } catch (e) {
    throw new ApiError(0, "NETWORK", "The server did not answer (" + e.message + ")", null);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const error = json && json.error;
    throw new ApiError(response.status, error ? error.code : "HTTP_" + response.status,
      error ? error.message : "HTTP " + response.status, json && json.request_id);
  }
  return json;
}
