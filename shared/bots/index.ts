// Bots: players that fill empty seats, act only on their own MatchView, and can play whole
// matches headless for tests and the balance report.
export * from "./lines.js";
export * from "./profiles.js";
export * from "./memory.js";
export * from "./policy.js";
export * from "./pace.js";
export * from "./power.js";
export * from "./simulate.js";
