// Debrief analysis: pure functions over a match record.
export * from "./power.js";
export * from "./stats.js";
export * from "./debrief.js";
export * from "./export.js";
