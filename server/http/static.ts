// Serves the built client (client/dist) from the game server's port with express.static:
// hashed files under /assets/ are cached for a year, everything else is revalidated, and a
// client-side route (/join/ABCDE, /teacher/…, extension-less) gets the app shell. Before the
// client is built, / shows a page saying so.
import { existsSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rough Consensus</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Rough Consensus</h1>
<p>The game server is running, but the game's web client has not been built yet.</p>
<p>Run <code>npm start</code> (it builds the client first) or <code>npm run build:client</code>, then reload this page.</p>
<p>Server health: <a href="/api/health">/api/health</a></p>
</body></html>`;

/** Paths the client never owns: the API and the matchmaker. */
const notClient = (path: string) => path.startsWith("/api/") || path === "/api" || path.startsWith("/matchmake/");

export function clientRouter(root: string): express.Router {
  const base = resolve(root);
  const index = join(base, "index.html");
  const assets = `${sep}assets${sep}`;
  const router = express.Router();
  const files = express.static(base, {
    index: false,
    // A missing file or a broken address falls through to the app shell or the JSON 404.
    fallthrough: true,
    setHeaders(res, path) {
      res.setHeader("cache-control", path.includes(assets) ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  router.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || notClient(req.path)) return next();
    files(req, res, next);
  });
  router.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || notClient(req.path)) return next();
    if (!existsSync(index)) {
      if (req.path !== "/" && req.path !== "/index.html") return next();
      res.status(200).set({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).send(NOT_BUILT);
      return;
    }
    // A missing asset (it has an extension) is a 404, not the app shell.
    if (extname(req.path)) return next();
    res.sendFile(index, { headers: { "cache-control": "no-cache" } });
  });
  return router;
}
