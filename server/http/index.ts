// The game server's HTTP side, all on the Express app Colyseus mounts (defineServer's
// `express` option): /api routes, then the built client, then a JSON 404, then the one error
// handler. Routes are documented in server/README.md ("HTTP"). Also here: the CORS policy,
// which Colyseus applies to every answer (its matchmaker included).
import express, { type Application, type Request, type Response } from "express";
import { matchMaker } from "@colyseus/core";
import { joinAddressFor } from "../join-address.js";
import { jsonErrors, notFound, sendJson } from "./errors.js";
import { exportsRouter } from "./exports.js";
import { matchesRouter } from "./matches.js";
import { printablesRouter } from "./printables.js";
import { reopenRouter } from "./reopen.js";
import { scenariosRouter } from "./scenarios.js";
import { clientRouter } from "./static.js";
import type { RecordSigner } from "../store/signing.js";

const started = Date.now();

function health(_req: Request, res: Response): void {
  sendJson(res, 200, { ok: true, uptimeSeconds: Math.round((Date.now() - started) / 1000), rooms: matchMaker.stats.local.roomCount, ccu: matchMaker.stats.local.ccu });
}

export interface HttpOptions {
  clientDir: string;
  /** Origins (scheme://host:port) allowed to call the server from another page, e.g. the Vite dev client. */
  corsOrigins: readonly string[];
  /** Signs exported records and recognises this server's own on import. */
  signer: RecordSigner;
}

export function mountHttp(app: Application, options: HttpOptions): void {
  app.disable("x-powered-by");
  const api = express.Router();
  api.get("/health", health);
  // What the setup page and the dashboard need before a match: public facts only.
  api.get("/join-address", (req, res) => sendJson(res, 200, joinAddressFor(req)));
  api.use("/scenarios", scenariosRouter());
  api.use("/matches", exportsRouter());
  api.use("/matches", printablesRouter());
  api.use("/matches", reopenRouter());
  api.use("/matches", matchesRouter(options.signer));
  api.use(notFound());
  app.use("/api", api);
  app.use(clientRouter(options.clientDir));
  app.use(notFound());
  app.use(jsonErrors());
}

/**
 * The game's own pages live on the server's origin and need no CORS. Another origin (the Vite
 * dev client) is allowed only when listed, and then by name: never `*`, and credentials only
 * with a named origin. Colyseus's defaults (`*` with credentials, or any origin reflected) are
 * replaced for the whole process.
 */
export function applyCorsPolicy(origins: readonly string[]): void {
  const allowed = new Set(origins);
  (matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string> }).DEFAULT_CORS_HEADERS = {
    "Access-Control-Allow-Headers": "Origin, X-Requested-With, Content-Type, Accept, Authorization, X-Seat-Secret",
    "Access-Control-Allow-Methods": "GET,HEAD,POST,DELETE",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  };
  matchMaker.controller.getCorsHeaders = (headers: Headers): Record<string, string> => {
    const origin = headers.get("origin");
    return origin && allowed.has(origin) ? { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true" } : {};
  };
}
