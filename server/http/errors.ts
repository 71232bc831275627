// Every HTTP error is JSON — { error: { code, message, issues? } } — with a status that says
// whose fault it was, and never a stack trace or a server path. Errors a client caused (a bad
// address, a body that is not JSON, one that is too large) are logged once per client address,
// in one line; only the server's own failures are logged with their stack.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).set("cache-control", "no-store").json(body);
}

export function sendError(res: Response, error: HttpError): void {
  if (res.headersSent) {
    // A streamed answer already started: all that is left is to cut it short.
    res.destroy();
    return;
  }
  sendJson(res, error.status, { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } });
}

/** What body-parser and the router raise for a client's mistake, in our words. */
function clientError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof URIError) return new HttpError(400, "bad-url", "The address is not valid: it has a broken percent-encoding (%).");
  if (typeof error !== "object" || error === null) return null;
  const e = error as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const status = typeof e.status === "number" ? e.status : typeof e.statusCode === "number" ? e.statusCode : 0;
  if (status < 400 || status > 499) return null;
  switch (e.type) {
    case "entity.too.large":
      return new HttpError(413, "too-large", "The request body is too large.");
    case "entity.parse.failed":
      return new HttpError(400, "bad-json", "The request body is not valid JSON.");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new HttpError(415, "bad-encoding", "Send the body as UTF-8.");
    case "request.aborted":
      return new HttpError(400, "aborted", "The request was cut off before its end.");
    default:
      break;
  }
  // The router's "Failed to decode param" (a broken %-escape in a path parameter).
  if (status === 400 && typeof e.message === "string" && /decode/i.test(e.message)) return new HttpError(400, "bad-url", "The address is not valid: it has a broken percent-encoding (%).");
  return new HttpError(status, "bad-request", "The request is not valid.");
}

/** Addresses whose mistake was logged already; forgotten wholesale when it grows too big. */
const logged = new Set<string>();

function logOnce(req: Request, error: HttpError): void {
  const who = req.socket.remoteAddress ?? "unknown";
  if (logged.has(who)) return;
  if (logged.size >= 1000) logged.clear();
  logged.add(who);
  const path = (req.originalUrl ?? req.url ?? "").slice(0, 120);
  console.warn(`[http] ${error.status} ${error.code} from ${who}: ${req.method} ${path} (further mistakes from this address are not logged)`);
}

/** The last middleware: turns anything thrown into the JSON error shape. */
export function jsonErrors(): ErrorRequestHandler {
  return function roughConsensusErrors(error: unknown, req, res, _next) {
    const known = clientError(error);
    if (known) {
      // Our own HttpErrors are answers, not incidents; body and address problems are logged once.
      if (!(error instanceof HttpError) || known.code === "bad-url") logOnce(req, known);
      return sendError(res, known);
    }
    console.error(`[http] ${req.method} ${(req.originalUrl ?? "").slice(0, 120)} failed:`, error);
    sendError(res, new HttpError(500, "server-error", "Something went wrong on the server."));
  };
}

/** No route matched: a JSON 404 rather than the framework's HTML page. */
export function notFound(): RequestHandler {
  return function roughConsensusNotFound(req, res) {
    sendError(res, new HttpError(404, "not-found", `No route for ${req.method} ${req.path.slice(0, 120)}.`));
  };
}
