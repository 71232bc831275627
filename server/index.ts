// Starts the game server: listens on PORT (default 2567), resumes open matches from the
// record, and prints the local and LAN addresses to give to a class.
import { networkInterfaces } from "node:os";
import { createApp, resumeMatches } from "./app.js";

const port = Number(process.env.PORT ?? 2567);
const host = process.env.HOST; // default: every interface, so phones on the school Wi-Fi can reach it

const { server, store, dataDir, clientDir } = createApp();
await server.listen(port, host);
const resumed = await resumeMatches(store);

const lan = Object.values(networkInterfaces())
  .flat()
  .filter((i) => i && i.family === "IPv4" && !i.internal)
  .map((i) => `http://${i!.address}:${port}/`);

console.log(`Rough Consensus is running.
  Local:   http://localhost:${port}/
${lan.map((u) => `  Network: ${u}`).join("\n") || "  Network: (no network interface found)"}
  Data:    ${dataDir}
  Client:  ${clientDir}
${resumed.length ? `  Resumed matches: ${resumed.join(", ")}` : "  No open matches to resume."}`);
