// The game itself, shared by server, client, bots, debrief and replay. Pure TypeScript:
// no DOM, no Node APIs, no framework; time and randomness arrive as data.
export * from "./scenario/schema.js";
export * from "./rules/types.js";
export * from "./rules/settings.js";
export * from "./rules/lesson-plans.js";
export * from "./rules/commands.js";
export * from "./rules/events.js";
export * from "./rules/rejections.js";
export * from "./rules/decide.js";
export * from "./rules/evolve.js";
export * from "./rules/phases.js";
export * from "./rules/handlers/index.js";
export * from "./rules/decision-rules.js";
export * from "./rules/scoring.js";
export * from "./rules/view.js";
export * from "./rules/actions.js";
export * from "./rules/helpers.js";
export * from "./analysis/power.js";
export * from "./random/rng.js";
export * from "./replay/hash.js";
export * from "./replay/record.js";
export * from "./replay/timeline.js";
