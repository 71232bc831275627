// The game server as server/index.ts builds it, but serving a client built into a private
// folder (CLIENT_DIR): other sessions rebuilding client/dist cannot pull the page away
// from under a running test. Started by game-server.ts with `node --import tsx`.
import { createApp } from "../../server/app.js";

const { server } = createApp({ dataDir: process.env.DATA_DIR, clientDir: process.env.CLIENT_DIR, gracefullyShutdown: false });
await server.listen(Number(process.env.PORT), "127.0.0.1");
console.log(`listening on ${process.env.PORT}`);
