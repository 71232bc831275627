// Serves the built client (client/dist) from the game server's port, with a plain page when
// it has not been built yet. Node's fs only: no extra dependency.
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".wav": "audio/wav",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".map": "application/json; charset=utf-8",
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rough Consensus</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Rough Consensus</h1>
<p>The game server is running, but the game's web client has not been built yet.</p>
<p>Run <code>npm start</code> (it builds the client first) or <code>npm run build:client</code>, then reload this page.</p>
<p>Server health: <a href="/api/health">/api/health</a></p>
</body></html>`;

/** Returns true when it answered the request. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/matchmake/")) return false;
  const base = resolve(root);
  const index = join(base, "index.html");
  if (!existsSync(index)) {
    if (url.pathname !== "/" && url.pathname !== "/index.html") return false;
    res.writeHead(200, { "content-type": TYPES[".html"]!, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : NOT_BUILT);
    return true;
  }
  let path: string;
  try {
    path = normalize(join(base, decodeURIComponent(url.pathname)));
  } catch {
    return false;
  }
  if (path !== base && !path.startsWith(base + sep)) return false;
  let file = path;
  if (!existsSync(file) || statSync(file).isDirectory()) {
    // Client-side routes (/join/ABCDE, /teacher) get the app shell; missing assets get a 404.
    if (extname(url.pathname)) return false;
    file = index;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  const immutable = file.includes(`${sep}assets${sep}`) && file !== index;
  res.writeHead(200, {
    "content-type": type,
    "content-length": statSync(file).size,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
  return true;
}
