// Teacher exports of an ended match (documented in server/README.md), with the teacher token
// as Bearer like every /api route:
//   GET /api/matches/:code/debrief        the debrief analysis + who played each role
//   GET /api/matches/:code/export.csv     one row per role per round (UTF-8 with BOM)
//   GET /api/matches/:code/summary        a printable one-page HTML summary
// Each takes ?pseudonymise=1|0 and pseudonymises unless told 0: nicknames are the only
// personal data a match holds, and an export is easily forwarded.
import express, { type Request, type Response } from "express";
import type { Debrief, TableDebrief } from "../../shared/analysis/debrief.js";
import { matchCsv, pseudonymiseEvents } from "../../shared/analysis/export.js";
import { fold } from "../../shared/replay/record.js";
import type { GameEvent } from "../../shared/rules/events.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { endedMatch, type EndedMatch } from "../debrief.js";
import { ownedMatch } from "./auth.js";
import { HttpError, sendJson } from "./errors.js";

/** UTF-8 byte order mark: without it, spreadsheets guess the file's encoding wrongly. */
const BOM = "\uFEFF";

/** ?pseudonymise=0|false|no|off shows nicknames; anything else (or nothing) hides them. */
export function wantsPseudonyms(req: Request): boolean {
  const value = req.query.pseudonymise;
  return typeof value !== "string" || !/^(0|false|no|off)$/i.test(value);
}

export interface RolePlayers {
  table: number;
  role: string;
  nicknames: string[];
}

/** Who held each seat at the end, as nicknames or as "Student 1", "Student 2", … */
export function playersByRole(events: readonly GameEvent[], pseudonymise: boolean): RolePlayers[] {
  const state = fold(pseudonymise ? pseudonymiseEvents(events) : events);
  if (!state) return [];
  const out: RolePlayers[] = [];
  for (const table of state.tables) {
    for (const role of state.scenario.roles) {
      const nicknames = Object.values(state.players)
        .filter((p) => p.table === table.index && p.role === role.id)
        .map((p) => p.nickname);
      out.push({ table: table.index, role: role.id, nicknames });
    }
  }
  return out;
}

async function ended(req: Request): Promise<EndedMatch> {
  const header = await ownedMatch(req);
  const match = await endedMatch(header.code);
  if (!match) throw new HttpError(409, "debrief-not-open", "The debrief opens when the match is over.");
  return match;
}

async function debriefRoute(req: Request, res: Response): Promise<void> {
  const match = await ended(req);
  const pseudonymise = wantsPseudonyms(req);
  sendJson(res, 200, { debrief: match.debrief, pseudonymised: pseudonymise, players: playersByRole(match.events, pseudonymise) });
}

async function csvRoute(req: Request, res: Response): Promise<void> {
  const match = await ended(req);
  const code = match.header.code;
  const pseudonymise = wantsPseudonyms(req);
  const csv = matchCsv(match.events, { pseudonymise }, match.debrief);
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="rough-consensus-${code}${pseudonymise ? "-pseudonymised" : ""}.csv"`,
    "cache-control": "no-store",
  });
  res.end(BOM + csv);
}

async function summaryRoute(req: Request, res: Response): Promise<void> {
  const match = await ended(req);
  const pseudonymise = wantsPseudonyms(req);
  const html = summaryHtml(match, pseudonymise);
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // The page is self-contained: no scripts, no outside resources.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(html);
}

/** The export routes, mounted under /api/matches. */
export function exportsRouter(): express.Router {
  const router = express.Router();
  router.get("/:code/debrief", debriefRoute);
  router.get("/:code/export.csv", csvRoute);
  router.get("/:code/summary", summaryRoute);
  return router;
}

// ---- the printable summary ----------------------------------------------------------------

/** The summary's words. A teacher document in English; the game's screens use the catalog. */
const WORDS = {
  title: "Rough Consensus — match summary",
  match: "Match",
  table: "Table",
  rule: { R1: "Rough consensus", R2: "Stakeholder houses", R3: "Token-weighted vote", R4: "Governments only" },
  pseudonymised: "Nicknames replaced by pseudonyms.",
  named: "Contains students' nicknames: do not publish.",
  outcomes: "What was decided",
  dossier: "Dossier",
  adopted: "Adopted",
  by: "How",
  publicInterest: "Public interest (0–10)",
  best: "Best for the public",
  gap: "Capture gap",
  notDecided: "not decided",
  scores: "Scores by role",
  role: "Role",
  players: "Played by",
  nobody: "nobody",
  income: "Income",
  mandate: "Mandate",
  standing: "Standing",
  total: "Total",
  correlation: "Starting budget vs final score (Spearman)",
  gini: "Inequality of payoffs (Gini)",
  room: "Who was in the room",
  legend: "● in person · ◐ remote · ○ absent (why: $ could not pay, S no sponsor, – chose not to, ∅ nobody played)",
  money: "Follow the money",
  noMoney: "No fellowships or grants.",
  flags: "Capture flags",
  noFlags: "No role moved toward a funder's option after receiving money.",
  flag: (f: TableDebrief["flags"][number]) =>
    `Round ${f.round + 1}: ${f.recipient} moved from “${f.before}” to “${f.after}” on ${f.option}, ${f.funder}'s favourite, after ${f.funder}'s money (worth ${f.payoff} to ${f.recipient}; its best was ${f.bestPayoff}).`,
  whatIf: "What if we had voted?",
  actual: "Actual",
  happened: "What really happened",
} as const;

const escapeHtml = (text: unknown): string =>
  String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const CAUSE_MARK: Record<string, string> = { "could-not-pay": "$", "no-sponsor": "S", "chose-not-to": "–", "no-player": "∅" };
const MODE_MARK: Record<string, string> = { "in-person": "●", remote: "◐", absent: "○" };

function signed(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  const r = Math.round(n * 100) / 100;
  return r > 0 ? `+${r}` : String(r);
}

function tableSection(d: Debrief, t: TableDebrief, scenario: Scenario, players: RolePlayers[], many: boolean): string {
  const optionTitle = (round: number, id: string | null) => {
    if (!id) return WORDS.notDecided;
    const title = scenario.dossiers[round]?.options.find((o) => o.id === id)?.title ?? "";
    return `<b>${escapeHtml(id)}</b> ${escapeHtml(title)}`;
  };
  const roleName = (id: string) => scenario.roles.find((r) => r.id === id)?.name ?? id;
  const outcomes = t.outcomes
    .map(
      (o) => `<tr><th scope="row">${escapeHtml(scenario.dossiers[o.round]?.title ?? o.dossier)}</th><td>${optionTitle(o.round, o.adopted)}</td><td>${escapeHtml(o.by ?? "—")}</td>` +
        `<td class="n">${escapeHtml(o.publicInterest ?? "—")}</td><td>${escapeHtml(o.best.option)} (${escapeHtml(o.best.publicInterest)})</td><td class="n">${escapeHtml(o.captureGap ?? "—")}</td></tr>`,
    )
    .join("");
  const scores = [...t.scores]
    .sort((a, b) => b.total - a.total)
    .map((s) => {
      const who = players.find((p) => p.table === t.table && p.role === s.role)?.nicknames ?? [];
      return `<tr><th scope="row">${escapeHtml(s.role)} <span class="muted">${escapeHtml(roleName(s.role))}</span></th><td>${escapeHtml(who.join(", ") || WORDS.nobody)}</td>` +
        `<td class="n">${s.income}</td><td class="n">${signed(s.mandate)}</td><td class="n">${signed(s.standing)}</td><td class="n"><b>${signed(s.total)}</b></td></tr>`;
    })
    .join("");
  const rounds = t.outcomes.map((o) => o.round);
  const room = scenario.roles
    .map((r) => {
      const cells = rounds.map((round) => {
        const p = t.presence.find((x) => x.round === round && x.role === r.id);
        const mark = `${MODE_MARK[p?.mode ?? "absent"]}${p?.cause ? ` ${CAUSE_MARK[p.cause] ?? ""}` : ""}${p?.paidBy && p.paidBy !== r.id ? ` (${escapeHtml(p.paidBy)})` : ""}`;
        return `<td>${mark}</td>`;
      });
      const voice = t.voice.find((v) => v.role === r.id);
      return `<tr><th scope="row">${escapeHtml(r.id)}</th>${cells.join("")}<td class="n">${Math.round((voice?.share ?? 0) * 100)}% / ${Math.round((voice?.populationShare ?? 0) * 100)}%</td></tr>`;
    })
    .join("");
  const money = t.money.length
    ? `<ul>${t.money.map((m) => `<li>R${m.flow.round + 1} ${escapeHtml(m.flow.from)} → ${escapeHtml(m.flow.to)}: ${m.flow.kind}, ${m.flow.amount} tokens${m.flow.note ? ` — “${escapeHtml(m.flow.note)}”` : ""}</li>`).join("")}</ul>`
    : `<p>${WORDS.noMoney}</p>`;
  const flags = t.flags.length ? `<ul class="flags">${t.flags.map((f) => `<li>⚑ ${escapeHtml(WORDS.flag(f))}</li>`).join("")}</ul>` : `<p>${WORDS.noFlags}</p>`;
  const rules = ["R1", "R2", "R3", "R4"] as const;
  const whatIf = t.whatIf
    .map((w) => `<tr><th scope="row">${escapeHtml(scenario.dossiers[w.round]?.title ?? w.dossier)}</th><td>${escapeHtml(w.actual ?? "—")}</td>${rules.map((r) => `<td>${escapeHtml(w.winners[r])}</td>`).join("")}</tr>`)
    .join("");
  const power = scenario.roles
    .map((r) => `<tr><th scope="row">${escapeHtml(r.id)}</th>${rules.map((rule) => `<td class="n">${Math.round((d.power[rule]?.banzhaf[r.id] ?? 0) * 100)}%</td>`).join("")}</tr>`)
    .join("");
  return `<section class="table">
${many ? `<h2>${WORDS.table} ${t.table + 1} — ${escapeHtml(WORDS.rule[t.rule])}</h2>` : `<p class="rule">${escapeHtml(WORDS.rule[t.rule])}</p>`}
<h3>${WORDS.outcomes}</h3>
<table><thead><tr><th>${WORDS.dossier}</th><th>${WORDS.adopted}</th><th>${WORDS.by}</th><th>${WORDS.publicInterest}</th><th>${WORDS.best}</th><th>${WORDS.gap}</th></tr></thead><tbody>${outcomes}</tbody></table>
<div class="cols">
<div><h3>${WORDS.scores}</h3>
<table><thead><tr><th>${WORDS.role}</th><th>${WORDS.players}</th><th>${WORDS.income}</th><th>${WORDS.mandate}</th><th>${WORDS.standing}</th><th>${WORDS.total}</th></tr></thead><tbody>${scores}</tbody></table>
<p>${WORDS.correlation}: <b>${signed(t.incomeScoreCorrelation)}</b> · ${WORDS.gini}: <b>${Math.round(t.payoffGini * 100) / 100}</b></p></div>
<div><h3>${WORDS.room}</h3>
<table><thead><tr><th>${WORDS.role}</th>${rounds.map((r) => `<th>R${r + 1}</th>`).join("")}<th>voice / people</th></tr></thead><tbody>${room}</tbody></table>
<p class="muted">${escapeHtml(WORDS.legend)}</p></div>
</div>
<div class="cols">
<div><h3>${WORDS.money}</h3>${money}<h3>${WORDS.flags}</h3>${flags}</div>
<div><h3>${WORDS.whatIf}</h3>
<table><thead><tr><th>${WORDS.dossier}</th><th>${WORDS.actual}</th>${rules.map((r) => `<th>${r}</th>`).join("")}</tr></thead><tbody>${whatIf}</tbody></table>
<table class="power"><caption>Voting power (Banzhaf)</caption><thead><tr><th>${WORDS.role}</th>${rules.map((r) => `<th>${r}</th>`).join("")}</tr></thead><tbody>${power}</tbody></table></div>
</div>
</section>`;
}

export function summaryHtml(match: EndedMatch, pseudonymise: boolean): string {
  const { debrief: d, events, header } = match;
  const created = events[0];
  if (created?.type !== "MatchCreated") throw new Error("A match record starts with MatchCreated.");
  const scenario = created.scenario;
  const players = playersByRole(events, pseudonymise);
  const date = new Date(header.endedAt ?? header.createdAt).toISOString().slice(0, 10);
  const label = header.classLabel ? ` · ${escapeHtml(header.classLabel)}` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${WORDS.title} ${escapeHtml(header.code)}</title>
<style>
  :root { font-family: system-ui, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; }
  body { max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; font-size: 14px; line-height: 1.35; }
  h1 { font-size: 1.4rem; margin: 0 0 .2rem; } h2 { font-size: 1.15rem; margin: 1rem 0 .3rem; } h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
  table { border-collapse: collapse; width: 100%; margin: .2rem 0 .4rem; }
  th, td { border-bottom: 1px solid #bbb; padding: .15rem .35rem; text-align: left; vertical-align: top; }
  thead th { border-bottom: 2px solid #1b1b1b; font-size: .85em; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .muted { color: #4a4a4a; font-size: .85em; } .flags li { font-weight: 600; }
  .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
  .notice { border: 2px solid #1b1b1b; padding: .2rem .5rem; display: inline-block; }
  caption { text-align: left; font-weight: 600; padding-top: .4rem; }
  @media (max-width: 40rem) { .cols { grid-template-columns: 1fr; } }
  @page { size: A4; margin: 10mm; }
  @media print {
    body { margin: 0; max-width: none; font-size: 8.5pt; }
    h1 { font-size: 13pt; } h2 { font-size: 11pt; } h3 { font-size: 9.5pt; margin-top: .4rem; }
    .cols { grid-template-columns: 1fr 1fr; }
    section.table { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
</style></head>
<body>
<header>
<h1>${WORDS.title}</h1>
<p>${escapeHtml(d.scenario.title)} · ${WORDS.match} ${escapeHtml(header.code)}${label} · ${date}</p>
<p class="notice">${pseudonymise ? WORDS.pseudonymised : WORDS.named}</p>
</header>
${d.tables.map((t) => tableSection(d, t, scenario, players, d.tables.length > 1)).join("\n")}
${d.whatHappened.length ? `<h3>${WORDS.happened}</h3><ul>${d.whatHappened.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>` : ""}
</body></html>
`;
}
