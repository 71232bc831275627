// Starts the game server: listens on PORT (default 2567), resumes open matches from the
// record, and prints the addresses to give to a class — the same ones the teacher's
// dashboard and the projector show (server/join-address.ts), so the two never disagree.
// With REDIS_URL it is one of several processes and keeps taking over the matches of processes
// that go away.
import { createApp, resumeMatches } from "./app.js";
import { isLoopbackHost, lanAddresses } from "./join-address.js";

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

const publicUrl = process.env.PUBLIC_URL?.replace(/\/+$/, "");
const loopbackOnly = host !== undefined && host !== "" && host !== "0.0.0.0" && host !== "::" && isLoopbackHost(host);
const lan = loopbackOnly ? [] : host && host !== "0.0.0.0" && host !== "::" ? [{ address: host, interface: "HOST" }] : lanAddresses();
const students = publicUrl
  ? [`  Students: ${publicUrl}/   (PUBLIC_URL)`]
  : lan.length
    ? lan.map((a, i) => `  ${i === 0 ? "Students:" : "     or: "} http://${a.address}:${port}/   (${a.interface})`)
    : [
        loopbackOnly
          ? `  Students: none — HOST=${host} lets only this computer in. Start without HOST to let phones join.`
          : "  Students: none — this computer has no network address. Join the classroom Wi-Fi, or set PUBLIC_URL.",
      ];

console.log(`Rough Consensus is running.
  Teacher:  http://localhost:${port}/   (on this computer)
${students.join("\n")}
${deployment.describe.map((line) => `  ${line}`).join("\n")}
  Client:   ${clientDir}
${resumed.length ? `  Resumed matches: ${resumed.join(", ")}` : "  No open matches to resume."}`);
