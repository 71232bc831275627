// The matches page (/matches): a teacher's recordings with open, export, delete and replay
// links, and the import of a recording file. Renders from MatchesController; loaded on demand.
import "./replay.css";
import type { RunningScreen, ScreenElements } from "../app/match-screens.js";
import { reportToE2e } from "../e2e-hooks.js";
import { onLanguageChange, t } from "../text/catalog.js";
import { rt, type ReplayKey } from "../text/replay-en.js";
import { h, patch, type Child, type VNode } from "../ui/dom.js";
import { teacherTokenForList } from "./api.js";
import { MatchesController } from "./matches-controller.js";

function row(ctrl: MatchesController, m: MatchesController["matches"][number], keep: string): VNode {
  const date = new Date(m.createdAt);
  const href = `/replay/${m.code}${keep}`;
  const link = ctrl.links.get(m.code);
  const cell = (label: ReplayKey, ...children: Child[]) => h("td", { "data-label": rt(label) }, ...children);
  const length = m.durationMs < 60_000 ? rt("matches.lengthShort", { events: m.events }) : rt("matches.lengthValue", { minutes: Math.round(m.durationMs / 60000), events: m.events });
  return h(
    "tr",
    { "data-key": m.code, "data-code": m.code },
    h("th", { scope: "row", "data-label": rt("matches.code") }, h("span", { class: "matches__code" }, m.code)),
    cell("matches.date", h("time", { datetime: date.toISOString() }, date.toLocaleString())),
    cell("matches.class", m.classLabel || rt("matches.noClass")),
    cell("matches.tables", String(m.tables), " · ", m.rules.map((r) => t(`rule.short.${r as "R1"}`)).join(", ")),
    cell("matches.length", length),
    cell(
      "matches.status",
      rt(`matches.status.${m.status}`),
      m.imported ? h("span", { class: "hint matches__provenance", "data-testid": "match-provenance" }, h("br"), rt(m.imported === "verified" ? "matches.provenance.verified" : "matches.provenance.checked")) : null,
    ),
    cell(
      "matches.actions",
      h(
      "div",
      { class: "matches__actions" },
      // A key-free address (it shows on hover); the key goes by storage, also for a middle click.
      h("a", { class: "button button--primary", href, "aria-label": rt("matches.open", { code: m.code }), onclick: () => ctrl.handOver(m.code), onauxclick: () => ctrl.handOver(m.code) }, rt("matches.openShort")),
      h("button", { type: "button", class: "button button--secondary", "aria-label": rt("matches.export", { code: m.code }), onclick: () => void ctrl.exportMatch(m.code) }, rt("matches.exportShort")),
      h("button", { type: "button", class: "button button--secondary", onclick: () => void ctrl.makeReplayLink(m.code) }, rt("matches.replayLink")),
      m.status === "ended" ? h("button", { type: "button", class: "button button--primary", "data-testid": "debrief-again", "aria-label": t("matches.debriefFor", { code: m.code }), onclick: () => void ctrl.debrief(m.code) }, t("matches.debrief")) : null,
      h("a", { class: "button button--secondary", href: `/print/${encodeURIComponent(m.code)}`, "data-testid": "print-link" }, t("matches.print")),
      h("button", { type: "button", class: "button button--danger", "aria-label": rt("matches.delete", { code: m.code }), onclick: () => void ctrl.remove(m.code) }, rt("matches.deleteShort")),
      link ? h("p", { class: "hint" }, rt("matches.replayLinkReady", { link: "" }), h("a", { href: link, "data-testid": "replay-link" }, link)) : null,
      ),
    ),
  );
}

export function renderMatches(ctrl: MatchesController, keep: string): Child[] {
  return [
    h("h1", { class: "screen-heading", tabindex: "-1", id: "matches-heading" }, rt("matches.title")),
    ctrl.notice ? h("p", { class: ctrl.notice.kind === "error" ? "error" : "status", role: ctrl.notice.kind === "error" ? "alert" : "status", "data-testid": "matches-notice" }, ctrl.notice.text) : null,
    h(
      "section",
      { class: "card matches__tools" },
      h(
        "label",
        { class: "matches__switch" },
        h("input", { type: "checkbox", checked: ctrl.pseudonymise, onchange: (e: Event) => ctrl.setPseudonymise((e.target as HTMLInputElement).checked) }),
        " ",
        rt("matches.pseudonymise"),
      ),
      !ctrl.token
        ? null
        : h(
        "label",
        { class: "matches__import" },
        h("span", null, rt("matches.import")),
        h("span", { class: "hint", id: "import-hint" }, rt("matches.importHint")),
        h("input", {
          type: "file",
          accept: ".json,application/json",
          "aria-describedby": "import-hint",
          "data-testid": "import-file",
          onchange: (e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void file.text().then((text) => ctrl.importFile(text)).finally(() => (input.value = ""));
          },
        }),
      ),
    ),
    !ctrl.token
      ? h("p", { class: "hint" }, rt("matches.noToken"))
      : ctrl.loadError
        ? h("p", { class: "error", role: "alert" }, rt("matches.failed", { reason: ctrl.loadError }))
        : ctrl.loading && !ctrl.matches.length
          ? h("p", { class: "status" }, rt("matches.loading"))
          : ctrl.matches.length === 0
            ? h("p", { class: "hint" }, rt("matches.empty"))
            : h(
                "div",
                { class: "scroll-x" },
                h(
                  "table",
                  { class: "matches__table", "data-testid": "matches-table" },
                  h("caption", { class: "visually-hidden" }, rt("matches.title")),
                  h(
                    "thead",
                    null,
                    h("tr", null, (["code", "date", "class", "tables", "length", "status", "actions"] as const).map((k) => h("th", { scope: "col" }, rt(`matches.${k}`)))),
                  ),
                  h("tbody", null, ctrl.matches.map((m) => row(ctrl, m, keep))),
                ),
              ),
  ];
}

function downloadFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function runMatches(elements: ScreenElements, fromLink: string | null): Promise<RunningScreen> {
  const token = teacherTokenForList(fromLink);
  const ctrl = new MatchesController(token, downloadFile, (q) => window.confirm(q));
  const keep = new URLSearchParams(window.location.search).has("e2e") ? "?e2e=1" : "";
  elements.section.dataset.screen = "matches";
  patch(elements.top, []);
  const draw = () => {
    patch(elements.main, renderMatches(ctrl, keep));
    reportToE2e({ screen: "matches", ready: !ctrl.loading });
  };
  const unsubscribe = ctrl.subscribe(draw);
  const stopLanguage = onLanguageChange(draw);
  draw();
  document.getElementById("matches-heading")?.focus();
  await ctrl.refresh();
  return {
    dispose() {
      unsubscribe();
      stopLanguage();
    },
  };
}
