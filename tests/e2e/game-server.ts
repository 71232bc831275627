// Runs the real game server for the end-to-end tests, the way `npm start` does, on a free
// loopback port with a fresh data folder, serving the client built by global-setup.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface GameServer {
  /** Ends with a slash: http://127.0.0.1:PORT/ */
  readonly url: string;
  readonly port: number;
  readonly output: () => string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface GameServerOptions {
  /** Extra environment (e.g. PUBLIC_URL, HOST). */
  env?: Record<string, string>;
  /**
   * Run the server inside this Linux network namespace (`ip netns exec`), as on a machine with
   * exactly that namespace's network cards. Readiness is then read from its output, since the
   * test process may have no route into the namespace.
   */
  netns?: string;
}

/**
 * Starts the server on a free port with a fresh data folder. With `clientDir` it serves that
 * build (see serve-game.ts); without, it runs `npm start`'s script serving client/dist. Unless
 * the test says otherwise, PUBLIC_URL is the server's own loopback address: in the harness the
 * "phones" are browsers on this machine, so that is the address a phone can reach.
 */
export async function startGameServer(clientDir?: string, options: GameServerOptions = {}): Promise<GameServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "rough-consensus-e2e-"));
  let output = "";
  const entry = clientDir
    ? ["--import", "tsx", path.join(repositoryRoot, "tests", "e2e", "serve-game.ts")]
    : [path.join(repositoryRoot, "scripts", "start.mjs")];
  const url = `http://127.0.0.1:${port}/`;
  const env = { ...process.env, PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url.slice(0, -1), DATA_DIR: dataDir, CLIENT_DIR: clientDir ?? "", SKIP_CLIENT_BUILD: "1", NODE_ENV: "test", ...options.env };
  const [command, args] = options.netns ? ["ip", ["netns", "exec", options.netns, process.execPath, ...entry]] : [process.execPath, entry];
  const child: ChildProcess = spawn(command, args, { cwd: repositoryRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The game server exited:\n${output}`);
    if (options.netns) {
      if (/listening on|is running/.test(output)) break;
    } else {
      try {
        const response = await fetch(`${url}api/health`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > deadline) throw new Error(`The game server did not start within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    port,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            child.kill("SIGKILL");
            resolve(undefined);
          }, 5000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve(undefined);
          });
        });
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
