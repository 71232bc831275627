// Every English message of the game, merged from the files each part keeps its words in. The
// English catalog is the reference: its keys are the MessageKey type, every other language has
// exactly these keys (the catalog test), and its placeholders are the ones the code fills.
import { debriefEn } from "../debrief-en.js";
import { en as general } from "../en.js";
import { glossaryEn } from "../glossary-en.js";
import { rejectionsEn } from "../rejections-en.js";
import { replayEn } from "../replay-en.js";
import { tableEn } from "../table-en.js";

export const messages = { ...general, ...rejectionsEn, ...debriefEn, ...tableEn, ...replayEn, ...glossaryEn } as const;
