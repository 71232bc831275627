// Teacher exports of an ended match (documented in server/README.md), with the teacher token
// as Bearer like every /api route:
//   GET /api/matches/:code/debrief        the debrief analysis + who played each role
//   GET /api/matches/:code/export.csv     one row per role per round (UTF-8 with BOM)
//   GET /api/matches/:code/summary        a printable one-page HTML summary
// Each takes ?pseudonymise=1|0 and pseudonymises unless told 0: nicknames are the only
// personal data a match holds, and an export is easily forwarded. Each also carries the
// teacher's review of the capture marks (marks set aside, with the reason given).
// The CSV and the summary take ?lang=<code>, the teacher's language on the debrief page
// (server/text/words.ts): their words, and the scenario's own words from its translation, are
// in that language; an unknown or missing code gets English. Numbers are never changed.
import express, { type Request, type Response } from "express";
import { compare, type Debrief, type Mark, type SetAside, type TableDebrief } from "../../shared/analysis/debrief.js";
import { CSV_COLUMNS, matchCsv, pseudonymiseEvents, type CsvColumn, type CsvWords } from "../../shared/analysis/export.js";
import { fold } from "../../shared/replay/record.js";
import type { GameEvent } from "../../shared/rules/events.js";
import { lineWords } from "../../shared/bots/lines.js";
import { localiseScenario } from "../../shared/scenario/localise.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { endedMatch, reviewOf, type EndedMatch } from "../debrief.js";
import type { Language } from "../../client/text/languages.js";
import { exportLanguage, REUSED_KEYS, wordsFor, type Words } from "../text/words.js";
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

/** Who held each seat at the end, as nicknames or as "Student 1", "Student 2", … (in `words`' language). */
export function playersByRole(events: readonly GameEvent[], pseudonymise: boolean, words: Words = wordsFor("en")): RolePlayers[] {
  const state = fold(pseudonymise ? pseudonymiseEvents(events, (n) => words.t("export.student", { number: n })) : events);
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
  const language = exportLanguage(req.query.lang);
  const csv = matchCsv(match.events, { pseudonymise, setAside: await reviewOf(code), words: csvWords(language, scenarioOf(match)) }, match.debrief);
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-language": language,
    "content-disposition": `attachment; filename="rough-consensus-${code}${pseudonymise ? "-pseudonymised" : ""}.csv"`,
    "cache-control": "no-store",
  });
  res.end(BOM + csv);
}

async function summaryRoute(req: Request, res: Response): Promise<void> {
  const match = await ended(req);
  const pseudonymise = wantsPseudonyms(req);
  const language = exportLanguage(req.query.lang);
  const html = summaryHtml(match, pseudonymise, await reviewOf(match.header.code), language);
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "content-language": language,
    "cache-control": "no-store",
    // The page is self-contained: no scripts, no outside resources.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(html);
}

export function scenarioOf(match: { events: readonly GameEvent[] }): Scenario {
  const created = match.events[0];
  if (created?.type !== "MatchCreated") throw new Error("A match record starts with MatchCreated.");
  return created.scenario;
}

/** The spreadsheet's words in the teacher's language; role names from the scenario's translation. */
export function csvWords(language: Language, scenario: Scenario): CsvWords {
  const words = wordsFor(language);
  const local = localiseScenario(scenario, language);
  const stance = (s: string) => words.t(`debrief.stance.${s as "support" | "live" | "object"}`);
  return {
    header: Object.fromEntries(CSV_COLUMNS.map((column) => [column, words.t(`export.csv.${column}`)])) as Record<CsvColumn, string>,
    roleName: (id, name) => local.roles.find((r) => r.id === id)?.name ?? name,
    mark: (m) => words.t("export.csv.mark", { option: m.option, before: stance(m.before), after: stance(m.after), funders: words.list(m.funders) }),
    setAside: (mark, reason) => words.t("export.csv.setAside", { mark, reason }),
    pseudonym: (n) => words.t("export.student", { number: n }),
  };
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

/** The summary's words and names in one language: the exports' catalog and the scenario's translation. */
interface Names {
  w: Words;
  t: Words["t"];
  role: (id: string) => string;
  roleName: (id: string) => string;
  option: (round: number, id: string | null) => string;
  dossier: (round: number) => string;
  city: (round: number) => string;
  rule: (id: (typeof RULES)[number]) => string;
  /** A score as the debrief screens write it: up to two decimals (6.75, never 6.8 beside 6.75). */
  num: (n: number | null | undefined) => string;
  signed: (n: number | null | undefined) => string;
  stance: (s: string) => string;
  /** A payment's note: a bot's (BotLine) in the summary's language, a person's as written. */
  note: (p: TableDebrief["money"][number]["payment"]) => string;
}

/** `scenario` is already in the summary's language (localiseScenario). */
function namesOf(scenario: Scenario, w: Words): Names {
  const num = (n: number | null | undefined) => (n === null || n === undefined ? "—" : w.number(Math.round(n * 100) / 100));
  return {
    w,
    t: w.t,
    // The roles' letters (TECH, NGO) are the same on every table and in every language.
    role: (id) => scenario.roles.find((r) => r.id === id)?.short ?? id,
    roleName: (id) => scenario.roles.find((r) => r.id === id)?.name ?? id,
    option: (round, id) => {
      if (!id) return escapeHtml(w.t("export.notDecided"));
      const title = scenario.dossiers[round]?.options.find((o) => o.id === id)?.title ?? "";
      return `<b>${escapeHtml(id)}</b> ${escapeHtml(title)}`;
    },
    dossier: (round) => escapeHtml(scenario.dossiers[round]?.title ?? String(round + 1)),
    city: (round) => scenario.dossiers[round]?.venue.city ?? "",
    rule: (id) => w.t(`debrief.vote.rule.${id}`),
    num,
    signed: (n) => {
      if (n === null || n === undefined) return "—";
      const r = Math.round(n * 100) / 100;
      return r > 0 ? `+${num(r)}` : r < 0 ? `−${num(-r)}` : "0";
    },
    stance: (s) => w.t(`debrief.stance.${s as "support" | "live" | "object"}`),
    note: (p) => {
      const key = p.line && `bot.${p.line.key}.${p.line.variant}`;
      if (!p.line || !key || !(REUSED_KEYS as readonly string[]).includes(key)) return p.note;
      return w.t(key as (typeof REUSED_KEYS)[number], lineWords(scenario, p.line, p.round));
    },
  };
}

function markLine(n: Names, m: Mark, review: SetAside): string {
  const better = m.better.map((b) => `${b.option} (${n.signed(b.payoff)})`).join(", ");
  const text = n.t("export.mark", {
    round: m.round + 1,
    role: n.role(m.role),
    before: n.stance(m.before.stance),
    after: n.stance(m.after.stance),
    option: m.option,
    funders: n.w.list(m.funders.map((f) => n.role(f.role))),
    payoff: n.signed(m.payoff),
    better,
  });
  const aside = review[m.id];
  return aside ? `<li class="aside">${escapeHtml(text)} <i>${escapeHtml(n.t("export.setAside", { reason: aside.reason }))}</i></li>` : `<li>⚑ ${escapeHtml(text)}</li>`;
}

function paymentLine(n: Names, p: TableDebrief["money"][number]["payment"]): string {
  const who = { from: n.role(p.from), to: n.role(p.to), amount: p.amount, city: n.city(p.round) };
  const what = p.kind === "grant" ? n.t("export.grant", who) : p.programme ? n.t("export.programme", who) : n.t("export.trip", who);
  const expecting = p.expects ? `, ${n.t("export.expecting", { option: p.expects })}` : "";
  return `<li>${escapeHtml(n.t("export.roundShort", { round: p.round + 1 }))}: ${escapeHtml(what)}${escapeHtml(expecting)}${p.note ? ` — “${escapeHtml(clip(n.note(p), NOTE_CHARS))}”` : ""}</li>`;
}

function cut(n: Names, lines: string[], max: number): string {
  return lines.length > max ? [...lines.slice(0, max - 1), `<li class="muted">${escapeHtml(n.t("export.more", { count: lines.length - max + 1 }))}</li>`].join("") : lines.join("");
}

function outcomesTable(n: Names, t: TableDebrief): string {
  const rows = t.outcomes
    .map(
      (o) =>
        `<tr><th scope="row">${n.dossier(o.round)}</th><td>${n.option(o.round, o.adopted)}${o.by ? ` <span class="muted">${escapeHtml(n.t(`debrief.by.${o.by}`))}</span>` : ""}</td>` +
        `<td class="n">${n.num(o.publicInterest)}</td><td>${escapeHtml([o.best.option, ...o.best.ties].join(", "))} (${n.num(o.best.publicInterest)})</td><td class="n">${n.num(o.captureGap)}</td></tr>`,
    )
    .join("");
  const th = (key: Parameters<Names["t"]>[0]) => `<th>${escapeHtml(n.t(key))}</th>`;
  return `<table><thead><tr>${th("debrief.vote.dossier")}${th("export.adopted")}${th("export.publicInterest")}${th("export.best")}${th("export.gap")}</tr></thead><tbody>${rows}</tbody></table>`;
}

function moneyAndMarks(n: Names, t: TableDebrief, review: SetAside, compact: boolean, extra = ""): string {
  const payments = t.money.map((m) => paymentLine(n, m.payment));
  const marks = t.marks.map((m) => markLine(n, m, review));
  const money = `<h3>${escapeHtml(n.t("debrief.money.title"))}</h3>${payments.length ? `<ul>${cut(n, payments, compact ? 3 : MAX_PAYMENTS)}</ul>` : `<p>${escapeHtml(n.t("debrief.money.none"))}</p>`}`;
  const marked = `<h3>${escapeHtml(n.t("debrief.part.marks"))}</h3>${marks.length ? `<ul class="marks">${cut(n, marks, compact ? 2 : MAX_MARKS)}</ul>` : `<p>${escapeHtml(n.t("export.noMarks"))}</p>`}`;
  return compact ? money + marked : `<div class="cols"><div>${money}</div><div>${marked}${extra}</div></div>`;
}

function comparisonLine(n: Names, d: Debrief, review: SetAside): string {
  const c = compare(d.comparison.units, review);
  const count = (x: { moved: number; units: number }) => n.t("export.countOf", { moved: x.moved, units: x.units });
  return escapeHtml(n.t("export.compare", { funded: count(c.funded), unfunded: count(c.unfunded) }));
}

function tableSection(d: Debrief, t: TableDebrief, scenario: Scenario, n: Names, players: RolePlayers[], review: SetAside): string {
  const th = (key: Parameters<Names["t"]>[0]) => `<th>${escapeHtml(n.t(key))}</th>`;
  const scores = [...t.scores]
    .sort((a, b) => b.total - a.total)
    .map((s) => {
      const who = players.find((p) => p.table === t.table && p.role === s.role)?.nicknames ?? [];
      return `<tr><th scope="row">${escapeHtml(n.role(s.role))} <span class="muted">${escapeHtml(n.roleName(s.role))}</span></th><td>${escapeHtml(clip(who.join(", "), NAMES_CHARS) || n.t("export.nobody"))}</td>` +
        `<td class="n">${n.num(s.income)}</td><td class="n">${n.signed(s.mandate)}</td><td class="n">${n.signed(s.standing)}</td><td class="n"><b>${n.signed(s.total)}</b></td></tr>`;
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
    `<tr><th scope="row">${escapeHtml(n.t("debrief.vote.actual"))}</th>${t.whatIf.map((w) => `<td><b>${escapeHtml(w.actual ?? "—")}</b></td>`).join("")}</tr>`,
    ...RULES.map((r) => `<tr><th scope="row">${escapeHtml(n.rule(r))}</th>${t.whatIf.map((w) => `<td>${escapeHtml(w.winners[r])}</td>`).join("")}</tr>`),
  ].join("");
  const power = RULES.map((rule) => `<tr><th scope="row">${escapeHtml(n.rule(rule))}</th>${scenario.roles.map((r) => `<td class="n">${Math.round((d.power[rule]?.banzhaf[r.id] ?? 0) * 100)}%</td>`).join("")}</tr>`).join("");
  const cities = rounds.map((r) => `<th>${escapeHtml(n.city(r) || n.t("export.roundShort", { round: r + 1 }))}</th>`).join("");
  const comparison = `<p>${comparisonLine(n, d, review)}</p><p class="muted">${escapeHtml(n.t("export.measure"))}</p>`;
  return `<section class="table">
<p class="rule">${escapeHtml(n.rule(t.rule))}</p>
<h3>${escapeHtml(n.t("export.outcomes"))}</h3>
${outcomesTable(n, t)}
<h3>${escapeHtml(n.t("export.scores"))}</h3>
<table><thead><tr>${th("debrief.vote.role")}${th("export.players")}${th("export.income")}${th("debrief.outcomes.mandate")}${th("debrief.outcomes.standing")}${th("debrief.outcomes.total")}</tr></thead><tbody>${scores}</tbody></table>
<p>${escapeHtml(n.t("export.correlation"))}: <b>${n.signed(t.incomeScoreCorrelation)}</b> · ${escapeHtml(n.t("export.gini"))}: <b>${n.num(t.payoffGini)}</b></p>
<div class="cols">
<div><h3>${escapeHtml(n.t("debrief.room.title"))}</h3>
<table><thead><tr>${th("debrief.vote.role")}${cities}${th("export.voice")}</tr></thead><tbody>${room}</tbody></table>
<p class="muted">${escapeHtml(n.t("export.legend"))}</p></div>
<div><h3>${escapeHtml(n.t("debrief.vote.title"))}</h3>
<table><thead><tr>${th("export.rule")}${cities}</tr></thead><tbody>${whatIf}</tbody></table></div>
</div>
${moneyAndMarks(n, t, review, false, comparison)}
<table class="power"><caption>${escapeHtml(n.t("export.power"))}</caption><thead><tr>${th("export.rule")}${scenario.roles.map((r) => `<th class="n">${escapeHtml(r.short)}</th>`).join("")}</tr></thead><tbody>${power}</tbody></table>
</section>`;
}

/** Several tables: the comparison first, then each table in a few lines, so it all fits one page. */
function tablesSection(d: Debrief, n: Names, players: RolePlayers[], review: SetAside): string {
  const th = (key: Parameters<Names["t"]>[0]) => `<th>${escapeHtml(n.t(key))}</th>`;
  const rows = d.compared
    .map(
      (c) =>
        `<tr><th scope="row">${c.table + 1}</th><td>${escapeHtml(n.rule(c.rule))}</td><td>${escapeHtml(c.adopted.map((a) => a ?? "—").join(", "))}</td><td class="n">${n.num(c.totalCaptureGap)}</td>` +
        `<td class="n">${c.marks.filter((id) => !review[id]).length}</td><td class="n">${n.num(c.payoffGini)}</td><td class="n">${n.signed(c.incomeScoreCorrelation)}</td></tr>`,
    )
    .join("");
  const each = d.tables
    .map((t) => {
      const scores = [...t.scores]
        .sort((a, b) => b.total - a.total)
        .map((s) => {
          const who = players.find((p) => p.table === t.table && p.role === s.role)?.nicknames ?? [];
          return `${escapeHtml(n.role(s.role))}${who.length ? ` (${escapeHtml(clip(who.join(", "), NAMES_CHARS))})` : ""} ${n.signed(s.total)}`;
        })
        .join(" · ");
      return `<section class="table compact"><h2>${escapeHtml(n.t("export.tableNumber", { table: t.table + 1 }))} — ${escapeHtml(n.rule(t.rule))}</h2>
<p>${t.outcomes.map((o) => `${n.dossier(o.round)}: ${n.option(o.round, o.adopted)}`).join("; ")}</p>
<p><b>${escapeHtml(n.t("export.scores"))}:</b> ${scores}</p>
${moneyAndMarks(n, t, review, true)}</section>`;
    })
    .join("\n");
  return `<h2>${escapeHtml(n.t("export.compared"))}</h2>
<table><thead><tr>${th("export.table")}${th("export.rule")}${th("export.adopted")}${th("export.gap")}${th("export.markedMoves")}${th("debrief.tables.gini")}${th("export.budgetVsScore")}</tr></thead><tbody>${rows}</tbody></table>
<p>${comparisonLine(n, d, review)}</p>
${each}`;
}

/** The one-page summary, in `language` (the exports' catalogs and the scenario's translation). */
export function summaryHtml(match: EndedMatch, pseudonymise: boolean, review: SetAside = {}, language: Language = "en"): string {
  const { debrief: d, events, header } = match;
  const scenario = localiseScenario(scenarioOf(match), language);
  const w = wordsFor(language);
  const n = namesOf(scenario, w);
  const players = playersByRole(events, pseudonymise, w);
  const date = w.date(new Date(header.endedAt ?? header.createdAt));
  const label = header.classLabel ? ` · ${escapeHtml(header.classLabel)}` : "";
  const many = d.tables.length > 1;
  // The scenario's words from its translation; what really happened is the debrief's own list
  // (the scenario's), so the translation is taken only when it is that list, item for item.
  const happened = scenario.whatHappened.length === d.whatHappened.length ? scenario.whatHappened : d.whatHappened;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.t("export.title"))} ${escapeHtml(header.code)}</title>
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
<h1>${escapeHtml(w.t("export.title"))}</h1>
<p>${escapeHtml(scenario.title)} · ${escapeHtml(w.t("export.match", { code: header.code }))}${label} · ${escapeHtml(date)} · <span class="notice">${escapeHtml(w.t(pseudonymise ? "export.pseudonymised" : "export.named"))}</span></p>
</header>
${many ? tablesSection(d, n, players, review) : d.tables.map((t) => tableSection(d, t, scenario, n, players, review)).join("\n")}
${happened.length ? `<h3>${escapeHtml(w.t("ended.whatHappened"))}</h3><ul>${happened.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>` : ""}
</body></html>
`;
}
