// Starts the game server: listens on PORT (default 2567), resumes open matches from the
// record, and prints the local and LAN addresses to give to a class. With REDIS_URL it is one
// of several processes and keeps taking over the matches of processes that go away.
import { networkInterfaces } from "node:os";
import { createApp, resumeMatches } from "./app.js";

const port = Number(process.env.PORT ?? 2567);
const host = process.env.HOST; // default: every interface, so phones on the school Wi-Fi can reach it

let app: ReturnType<typeof createApp>;
try {
  app = createApp();
  await app.deployment.storeReady;
} catch (e) {
  // A wrong setting or an unreachable database: say which, and do not start half a server.
  console.error(`Rough Consensus cannot start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
const { server, store, clientDir, deployment } = app;
await server.listen(port, host);
const resumed = await resumeMatches(store);
app.watchOtherProcesses();

const lan = Object.values(networkInterfaces())
  .flat()
  .filter((i) => i && i.family === "IPv4" && !i.internal)
  .map((i) => `http://${i!.address}:${port}/`);

console.log(`Rough Consensus is running.
  Local:   http://localhost:${port}/
${lan.map((u) => `  Network: ${u}`).join("\n") || "  Network: (no network interface found)"}
${deployment.describe.map((line) => `  ${line}`).join("\n")}
  Client:  ${clientDir}
${resumed.length ? `  Resumed matches: ${resumed.join(", ")}` : "  No open matches to resume."}`);
