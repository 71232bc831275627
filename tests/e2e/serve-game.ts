// The game server as server/index.ts builds it, but serving a client built into a private
// folder (CLIENT_DIR): other sessions rebuilding client/dist cannot pull the page away
// from under a running test. Started by game-server.ts with `node --import tsx`.
import { createApp } from "../../server/app.js";

const { server } = createApp({ dataDir: process.env.DATA_DIR, clientDir: process.env.CLIENT_DIR, gracefullyShutdown: false });
// HOST as for `npm start`; the harness sets 127.0.0.1 unless a test runs the server in its own
// network namespace, where it listens on every interface like a teacher's laptop.
await server.listen(Number(process.env.PORT), process.env.HOST || "127.0.0.1");
console.log(`listening on ${process.env.PORT}`);
