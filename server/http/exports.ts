// Teacher exports of an ended match (documented in server/README.md), with the teacher token
// as Bearer like every /api route:
//   GET /api/matches/:code/debrief        the debrief analysis + who played each role
//   GET /api/matches/:code/export.csv     one row per role per round (UTF-8 with BOM)
//   GET /api/matches/:code/summary        a printable one-page HTML summary
// Each takes ?pseudonymise=1|0 and pseudonymises unless told 0: nicknames are the only
// personal data a match holds, and an export is easily forwarded. Each also carries the
// teacher's review of the capture marks (marks set aside, with the reason given).
import express, { type Request, type Response } from "express";
import { compare, type Debrief, type Mark, type SetAside, type TableDebrief } from "../../shared/analysis/debrief.js";
import { matchCsv, pseudonymiseEvents } from "../../shared/analysis/export.js";
import { fold } from "../../shared/replay/record.js";
import type { GameEvent } from "../../shared/rules/events.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { endedMatch, reviewOf, type EndedMatch } from "../debrief.js";
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
  const review = await reviewOf(match.header.code);
  sendJson(res, 200, { debrief: { ...match.debrief, review }, pseudonymised: pseudonymise, players: playersByRole(match.events, pseudonymise) });
}

async function csvRoute(req: Request, res: Response): Promise<void> {
  const match = await ended(req);
  const code = match.header.code;
  const pseudonymise = wantsPseudonyms(req);
  const csv = matchCsv(match.events, { pseudonymise, setAside: await reviewOf(code) }, match.debrief);
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
  const html = summaryHtml(match, pseudonymise, await reviewOf(match.header.code));
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
// One A4 page, in the words the game's screens use: roles by the letters on the table (NGO,
// CSS), options with their titles, stances and decisions in words — never the data codes
// (NGO-N, CS-S, status-quo, live). Long lists are cut with a pointer to the spreadsheet, so
// the page never spills onto a second one.

/** The summary's words. A teacher document in English; the game's screens use the catalog. */
const WORDS = {
  title: "Rough Consensus — match summary",
  match: "Match",
  table: "Table",
  rule: { R1: "Rough consensus", R2: "Stakeholder houses", R3: "Token-weighted vote", R4: "Governments only" },
  ruleShort: { R1: "Consensus", R2: "Houses", R3: "Token vote", R4: "Governments" },
  pseudonymised: "Nicknames replaced by pseudonyms.",
  named: "Contains students' nicknames: do not publish.",
  outcomes: "What was decided",
  dossier: "Dossier",
  adopted: "Adopted",
  by: { consensus: "by consensus", vote: "by vote", "status-quo": "nothing passed: the old rules stayed" } as Record<string, string>,
  publicInterest: "For the public (0–10)",
  best: "Best for the public",
  gap: "Gap",
  notDecided: "not decided",
  scores: "Scores",
  role: "Role",
  players: "Played by",
  nobody: "nobody",
  income: "Budget",
  mandate: "Mandate",
  standing: "Standing",
  total: "Score",
  correlation: "Starting budget vs final score (Spearman)",
  gini: "inequality of payoffs (Gini)",
  room: "Who was in the room",
  legend: "● in the room · ◐ remote · ○ absent. Why not: $ could not pay, S no sponsor, ✗ turned down a paid trip, ? did not answer an offer, – stayed away, ∅ nobody played.",
  voice: "voice / people",
  money: "Follow the money",
  noMoney: "No fellowships or grants.",
  more: (n: number) => `… and ${n} more: see the spreadsheet (CSV).`,
  marks: "Moves toward a sponsor's option",
  noMarks: "No role moved toward its sponsor's option against its own people's interest.",
  measure:
    "Marked only when a role declared a stance, then a warmer one on an option its sponsor had declared for, after money covering that round, while an option better for its own people could still pass.",
  compare: (funded: string, unfunded: string) => `With money: ${funded} moved toward their sponsor's option. With no money involved: ${unfunded} made the same kind of move.`,
  setAside: (reason: string) => `Set aside by the teacher: “${reason}”`,
  whatIf: "What if we had voted?",
  actual: "Actual",
  power: "Voting power (Banzhaf)",
  compared: "Tables compared",
  happened: "What really happened",
  stance: { support: "support", live: "can live with it", object: "object" } as Record<string, string>,
} as const;

const escapeHtml = (text: unknown): string =>
  String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const CAUSE_MARK: Record<string, string> = { "could-not-pay": "$", "no-sponsor": "S", "declined-offer": "✗", "offer-lapsed": "?", "chose-not-to": "–", "no-player": "∅" };
const MODE_MARK: Record<string, string> = { "in-person": "●", remote: "◐", absent: "○" };
const RULES = ["R1", "R2", "R3", "R4"] as const;
/** Lines of money and of marks that fit the page; the rest is in the CSV. */
const MAX_PAYMENTS = 7;
const MAX_MARKS = 3;
/** A note is quoted up to this many characters (notes may be 140). */
const NOTE_CHARS = 48;
/** Nicknames of one seat, up to this many characters. */
const NAMES_CHARS = 28;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** A score as the debrief screens write it: up to two decimals (6.75, never 6.8 beside 6.75). */
function num(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return String(Math.round(n * 100) / 100);
}

function signed(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  const r = Math.round(n * 100) / 100;
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : "0";
}

interface Names {
  role: (id: string) => string;
  roleName: (id: string) => string;
  option: (round: number, id: string | null) => string;
  dossier: (round: number) => string;
}

function namesOf(scenario: Scenario): Names {
  return {
    role: (id) => scenario.roles.find((r) => r.id === id)?.short ?? id,
    roleName: (id) => scenario.roles.find((r) => r.id === id)?.name ?? id,
    option: (round, id) => {
      if (!id) return WORDS.notDecided;
      const title = scenario.dossiers[round]?.options.find((o) => o.id === id)?.title ?? "";
      return `<b>${escapeHtml(id)}</b> ${escapeHtml(title)}`;
    },
    dossier: (round) => escapeHtml(scenario.dossiers[round]?.title ?? String(round + 1)),
  };
}

function markLine(n: Names, m: Mark, review: SetAside): string {
  const funders = m.funders.map((f) => n.role(f.role)).join(" and ");
  const better = m.better.map((b) => `${b.option} (${signed(b.payoff)})`).join(", ");
  const text = `Round ${m.round + 1}: ${n.role(m.role)} went from “${WORDS.stance[m.before.stance]}” to “${WORDS.stance[m.after.stance]}” on ${m.option}, the option of its sponsor ${funders}; ${m.option} was worth ${signed(m.payoff)} to its people while ${better} could still pass.`;
  const aside = review[m.id];
  return aside ? `<li class="aside">${escapeHtml(text)} <i>${escapeHtml(WORDS.setAside(aside.reason))}</i></li>` : `<li>⚑ ${escapeHtml(text)}</li>`;
}

function paymentLine(n: Names, scenario: Scenario, p: TableDebrief["money"][number]["payment"]): string {
  const city = scenario.dossiers[p.round]?.venue.city ?? "";
  const what =
    p.kind === "grant" ? `${n.role(p.from)} gave ${n.role(p.to)} ${p.amount} tokens` : p.programme ? `${n.role(p.from)}'s fellowship programme brought ${n.role(p.to)} to ${city}` : `${n.role(p.from)} paid ${n.role(p.to)}'s trip to ${city} (${p.amount} tokens)`;
  return `<li>R${p.round + 1}: ${escapeHtml(what)}${p.expects ? `, expecting ${escapeHtml(p.expects)}` : ""}${p.note ? ` — “${escapeHtml(clip(p.note, NOTE_CHARS))}”` : ""}</li>`;
}

function cut(lines: string[], max: number): string {
  return lines.length > max ? [...lines.slice(0, max - 1), `<li class="muted">${escapeHtml(WORDS.more(lines.length - max + 1))}</li>`].join("") : lines.join("");
}

function outcomesTable(n: Names, t: TableDebrief): string {
  const rows = t.outcomes
    .map(
      (o) =>
        `<tr><th scope="row">${n.dossier(o.round)}</th><td>${n.option(o.round, o.adopted)}${o.by ? ` <span class="muted">${escapeHtml(WORDS.by[o.by] ?? "")}</span>` : ""}</td>` +
        `<td class="n">${num(o.publicInterest)}</td><td>${escapeHtml([o.best.option, ...o.best.ties].join(", "))} (${num(o.best.publicInterest)})</td><td class="n">${num(o.captureGap)}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>${WORDS.dossier}</th><th>${WORDS.adopted}</th><th>${WORDS.publicInterest}</th><th>${WORDS.best}</th><th>${WORDS.gap}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function moneyAndMarks(n: Names, scenario: Scenario, t: TableDebrief, review: SetAside, compact: boolean, extra = ""): string {
  const payments = t.money.map((m) => paymentLine(n, scenario, m.payment));
  const marks = t.marks.map((m) => markLine(n, m, review));
  const money = `<h3>${WORDS.money}</h3>${payments.length ? `<ul>${cut(payments, compact ? 3 : MAX_PAYMENTS)}</ul>` : `<p>${WORDS.noMoney}</p>`}`;
  const marked = `<h3>${WORDS.marks}</h3>${marks.length ? `<ul class="marks">${cut(marks, compact ? 2 : MAX_MARKS)}</ul>` : `<p>${WORDS.noMarks}</p>`}`;
  return compact ? money + marked : `<div class="cols"><div>${money}</div><div>${marked}${extra}</div></div>`;
}

function tableSection(d: Debrief, t: TableDebrief, scenario: Scenario, players: RolePlayers[], review: SetAside): string {
  const n = namesOf(scenario);
  const scores = [...t.scores]
    .sort((a, b) => b.total - a.total)
    .map((s) => {
      const who = players.find((p) => p.table === t.table && p.role === s.role)?.nicknames ?? [];
      return `<tr><th scope="row">${escapeHtml(n.role(s.role))} <span class="muted">${escapeHtml(n.roleName(s.role))}</span></th><td>${escapeHtml(clip(who.join(", "), NAMES_CHARS) || WORDS.nobody)}</td>` +
        `<td class="n">${s.income}</td><td class="n">${signed(s.mandate)}</td><td class="n">${signed(s.standing)}</td><td class="n"><b>${signed(s.total)}</b></td></tr>`;
    })
    .join("");
  const rounds = t.outcomes.map((o) => o.round);
  const room = scenario.roles
    .map((r) => {
      const cells = rounds.map((round) => {
        const p = t.presence.find((x) => x.round === round && x.role === r.id);
        const mark = `${MODE_MARK[p?.mode ?? "absent"]}${p?.cause ? ` ${CAUSE_MARK[p.cause] ?? ""}` : ""}${p?.paidBy && p.paidBy !== r.id ? ` ${escapeHtml(n.role(p.paidBy))}` : ""}`;
        return `<td>${mark}</td>`;
      });
      const voice = t.voice.find((v) => v.role === r.id);
      return `<tr><th scope="row">${escapeHtml(r.short)}</th>${cells.join("")}<td class="n">${Math.round((voice?.share ?? 0) * 100)}% / ${Math.round((voice?.populationShare ?? 0) * 100)}%</td></tr>`;
    })
    .join("");
  // What if: a row per rule, a column per round, so the rules' names fit the page.
  const whatIf = [
    `<tr><th scope="row">${WORDS.actual}</th>${t.whatIf.map((w) => `<td><b>${escapeHtml(w.actual ?? "—")}</b></td>`).join("")}</tr>`,
    ...RULES.map((r) => `<tr><th scope="row">${escapeHtml(WORDS.rule[r])}</th>${t.whatIf.map((w) => `<td>${escapeHtml(w.winners[r])}</td>`).join("")}</tr>`),
  ].join("");
  const power = RULES.map((rule) => `<tr><th scope="row">${escapeHtml(WORDS.rule[rule])}</th>${scenario.roles.map((r) => `<td class="n">${Math.round((d.power[rule]?.banzhaf[r.id] ?? 0) * 100)}%</td>`).join("")}</tr>`).join("");
  const c = compare(d.comparison.units, review);
  const cities = rounds.map((r) => `<th>${escapeHtml(scenario.dossiers[r]?.venue.city ?? `R${r + 1}`)}</th>`).join("");
  const comparison = `<p>${escapeHtml(WORDS.compare(`${c.funded.moved} of ${c.funded.units}`, `${c.unfunded.moved} of ${c.unfunded.units}`))}</p><p class="muted">${escapeHtml(WORDS.measure)}</p>`;
  return `<section class="table">
<p class="rule">${escapeHtml(WORDS.rule[t.rule])}</p>
<h3>${WORDS.outcomes}</h3>
${outcomesTable(n, t)}
<h3>${WORDS.scores}</h3>
<table><thead><tr><th>${WORDS.role}</th><th>${WORDS.players}</th><th>${WORDS.income}</th><th>${WORDS.mandate}</th><th>${WORDS.standing}</th><th>${WORDS.total}</th></tr></thead><tbody>${scores}</tbody></table>
<p>${WORDS.correlation}: <b>${signed(t.incomeScoreCorrelation)}</b> · ${WORDS.gini}: <b>${num(t.payoffGini)}</b></p>
<div class="cols">
<div><h3>${WORDS.room}</h3>
<table><thead><tr><th>${WORDS.role}</th>${cities}<th>${WORDS.voice}</th></tr></thead><tbody>${room}</tbody></table>
<p class="muted">${escapeHtml(WORDS.legend)}</p></div>
<div><h3>${WORDS.whatIf}</h3>
<table><thead><tr><th>Rule</th>${cities}</tr></thead><tbody>${whatIf}</tbody></table></div>
</div>
${moneyAndMarks(n, scenario, t, review, false, comparison)}
<table class="power"><caption>${WORDS.power}</caption><thead><tr><th>Rule</th>${scenario.roles.map((r) => `<th class="n">${escapeHtml(r.short)}</th>`).join("")}</tr></thead><tbody>${power}</tbody></table>
</section>`;
}

/** Several tables: the comparison first, then each table in a few lines, so it all fits one page. */
function tablesSection(d: Debrief, scenario: Scenario, players: RolePlayers[], review: SetAside): string {
  const n = namesOf(scenario);
  const rows = d.compared
    .map(
      (c) =>
        `<tr><th scope="row">${c.table + 1}</th><td>${escapeHtml(WORDS.rule[c.rule])}</td><td>${escapeHtml(c.adopted.map((a) => a ?? "—").join(", "))}</td><td class="n">${num(c.totalCaptureGap)}</td>` +
        `<td class="n">${c.marks.filter((id) => !review[id]).length}</td><td class="n">${num(c.payoffGini)}</td><td class="n">${signed(c.incomeScoreCorrelation)}</td></tr>`,
    )
    .join("");
  const c = compare(d.comparison.units, review);
  const each = d.tables
    .map((t) => {
      const scores = [...t.scores]
        .sort((a, b) => b.total - a.total)
        .map((s) => {
          const who = players.find((p) => p.table === t.table && p.role === s.role)?.nicknames ?? [];
          return `${escapeHtml(n.role(s.role))}${who.length ? ` (${escapeHtml(clip(who.join(", "), NAMES_CHARS))})` : ""} ${signed(s.total)}`;
        })
        .join(" · ");
      return `<section class="table compact"><h2>${WORDS.table} ${t.table + 1} — ${escapeHtml(WORDS.rule[t.rule])}</h2>
<p>${t.outcomes.map((o) => `${n.dossier(o.round)}: ${n.option(o.round, o.adopted)}`).join("; ")}</p>
<p><b>${WORDS.scores}:</b> ${scores}</p>
${moneyAndMarks(n, scenario, t, review, true)}</section>`;
    })
    .join("\n");
  return `<h2>${WORDS.compared}</h2>
<table><thead><tr><th>${WORDS.table}</th><th>Rule</th><th>${WORDS.adopted}</th><th>${WORDS.gap}</th><th>Marked moves</th><th>Gini</th><th>Budget vs score</th></tr></thead><tbody>${rows}</tbody></table>
<p>${escapeHtml(WORDS.compare(`${c.funded.moved} of ${c.funded.units}`, `${c.unfunded.moved} of ${c.unfunded.units}`))}</p>
${each}`;
}

export function summaryHtml(match: EndedMatch, pseudonymise: boolean, review: SetAside = {}): string {
  const { debrief: d, events, header } = match;
  const created = events[0];
  if (created?.type !== "MatchCreated") throw new Error("A match record starts with MatchCreated.");
  const scenario = created.scenario;
  const players = playersByRole(events, pseudonymise);
  const date = new Date(header.endedAt ?? header.createdAt).toISOString().slice(0, 10);
  const label = header.classLabel ? ` · ${escapeHtml(header.classLabel)}` : "";
  const many = d.tables.length > 1;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${WORDS.title} ${escapeHtml(header.code)}</title>
<style>
  :root { font-family: system-ui, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; }
  body { max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; font-size: 14px; line-height: 1.3; }
  h1 { font-size: 1.4rem; margin: 0 0 .2rem; } h2 { font-size: 1.1rem; margin: .6rem 0 .2rem; } h3 { font-size: 1rem; margin: .5rem 0 .15rem; }
  p { margin: .15rem 0; }
  ul { margin: .1rem 0; padding-left: 1.1rem; }
  table { border-collapse: collapse; width: 100%; margin: .1rem 0 .3rem; }
  th, td { border-bottom: 1px solid #bbb; padding: .05rem .3rem; text-align: left; vertical-align: top; }
  thead th { border-bottom: 2px solid #1b1b1b; font-size: .9em; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .muted { color: #4a4a4a; font-size: .9em; } .marks li { font-weight: 600; } .marks li.aside { font-weight: 400; color: #4a4a4a; }
  .cols { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; }
  .notice { border: 2px solid #1b1b1b; padding: .1rem .4rem; display: inline-block; }
  .rule { font-weight: 700; }
  caption { text-align: left; font-weight: 600; padding-top: .3rem; }
  @media (max-width: 40rem) { .cols { grid-template-columns: 1fr; } }
  @page { size: A4; margin: 10mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; font-size: 7.4pt; }
    h1 { font-size: 12pt; } h2 { font-size: 10pt; } h3 { font-size: 8.6pt; margin-top: .35rem; }
    .cols { grid-template-columns: 1fr 1fr; }
    section.table { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
</style></head>
<body>
<header>
<h1>${WORDS.title}</h1>
<p>${escapeHtml(d.scenario.title)} · ${WORDS.match} ${escapeHtml(header.code)}${label} · ${date} · <span class="notice">${pseudonymise ? WORDS.pseudonymised : WORDS.named}</span></p>
</header>
${many ? tablesSection(d, scenario, players, review) : d.tables.map((t) => tableSection(d, t, scenario, players, review)).join("\n")}
${d.whatHappened.length ? `<h3>${WORDS.happened}</h3><ul>${d.whatHappened.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>` : ""}
</body></html>
`;
}
