// The public protocol between a client and the game server: intents (client → server),
// replies, join options, and the sync of each device's own view (server → client).
// See server/README.md for the full description.
export * from "./intents.js";
export * from "./patch.js";
export * from "./sync.js";
