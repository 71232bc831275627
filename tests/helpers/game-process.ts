// A real game server process (`server/index.ts`, as `npm start` runs it) on a free loopback
// port with the environment a test gives it — for the tests and the load benchmark that run
// several processes on Redis and PostgreSQL. Its output is kept for failure messages, and a
// test can stop it gently (SIGTERM), kill it outright (SIGKILL, like kill -9) or freeze it
// (SIGSTOP/SIGCONT).
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "./services.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface GameProcess {
  name: string;
  port: number;
  /** http://127.0.0.1:port */
  base: string;
  /** Its PUBLIC_ADDRESS (host:port). */
  address: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr), for messages. */
  output(): string;
  /** Resolves when a line matching `pattern` has been printed (or rejects after `ms`). */
  printed(pattern: RegExp, ms?: number): Promise<string>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts `server/index.ts` with `env` added to a clean environment; resolves once it serves. */
export async function startGameProcess(name: string, env: Record<string, string>, startMs = 90_000): Promise<GameProcess> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const base: NodeJS.ProcessEnv = { ...process.env };
  // Not a test process: Colyseus's signal handling stays on, as in production.
  for (const key of Object.keys(base)) if (key === "NODE_ENV" || key.startsWith("VITEST")) delete base[key];
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: { ...base, PORT: String(port), HOST: "127.0.0.1", PUBLIC_ADDRESS: address, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let text = "";
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    if (text.length > 200_000) text = text.slice(-100_000);
    for (const w of [...waiters]) {
      const m = w.pattern.exec(text);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m[0]);
      }
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);

  const printed = (pattern: RegExp, ms = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const m = pattern.exec(text);
      if (m) return resolve(m[0]);
      const timer = setTimeout(() => reject(new Error(`${name} did not print ${pattern} within ${ms} ms. Output:\n${text.slice(-3000)}`)), ms);
      const gone = () => reject(new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}. Output:\n${text.slice(-3000)}`));
      child.once("exit", gone);
      waiters.push({
        pattern,
        resolve: (line) => {
          clearTimeout(timer);
          child.off("exit", gone);
          resolve(line);
        },
      });
    });

  const proc: GameProcess = {
    name,
    port,
    base: `http://${address}`,
    address,
    child,
    output: () => text,
    printed,
    async kill9() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGCONT"); // a frozen process cannot handle SIGTERM
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited(child);
      clearTimeout(force);
    },
  };
  await printed(/Rough Consensus is running\./, startMs);
  return proc;
}
