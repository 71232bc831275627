// `npm run bench`: every benchmark of the project, printed as medians with their spread.
import { benchEngine } from "./engine.js";
import { benchReadability } from "./readability.js";
import { benchReplay } from "./replay.js";
import { benchSync } from "./sync.js";

console.log(`Rough Consensus benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
benchEngine();
benchReplay();
benchSync();
benchReadability();
