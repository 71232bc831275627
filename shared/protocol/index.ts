// The public protocol between a client and the game server: intents (client → server),
// replies, join options, the synchronised state's shape and its rebuild into a MatchView.
// See server/README.md for the full description.
export * from "./intents.js";
export * from "./state.js";
export * from "./rebuild.js";
