// The entry point: routes by URL, and shows the start page and the join form in plain DOM.
// It must never import Phaser or the Colyseus SDK (or anything that does) statically: the
// match screens and the setup form load on demand, so the join form is usable at once.
//   /                      start page (?code=ABCDE fills the code)
//   /join/ABCDE            start page with the code filled in (the QR code's link)
//   /play/ABCDE            a student's screen (resumes the seat after a reload)
//   /setup                 the teacher's "new match" form
//   /teacher/ABCDE         the host dashboard
//   /projector/ABCDE       the big screen
//   /replay/ABCDE?at=…&view=…  (#replay=… for a student's link)   the replay viewer (client/replay)
//   /matches               the teacher's recorded matches
// The teacher, dashboard, replay, matches and print pages also take the teacher key as
// #token=… (an emailed link, an older one): it leaves the address bar at once (net/address-key.ts).
// Any of them takes ?lang=es (the projector link carries the teacher's language); otherwise
// the device's own choice, then the browser's preferred languages, pick the language.
//   /print/ABCDE?part=roles|guide   a match's printable role cards and teacher's guide (client/print)
import "./styles/main.css";
import { LandingController, normaliseClassCode, suggestNickname } from "./ctrl/landing-controller.js";
import { reportToE2e } from "./e2e-hooks.js";
import type { RunningScreen, ScreenElements } from "./app/match-screens.js";
import type { JoinError } from "./net/connection.js";
import { takeKeyFromAddress } from "./net/address-key.js";
import { remembered } from "./net/storage.js";
import { isMessageKey, onLanguageChange, setLanguage, t, type MessageKey } from "./text/catalog.js";
import { isLanguage, pickLanguage, type Language } from "./text/languages.js";
import { mountLanguagePicker } from "./ui/language-picker.js";
import { bindLanding, findLandingElements, renderLanding } from "./ui/landing-view.js";
import { mountGlossary } from "./ui/glossary.js";
import { applyPaletteToCss } from "./ui/palette.js";

type Route =
  | { kind: "landing"; code: string; fromLink: boolean }
  | { kind: "play"; code: string }
  | { kind: "setup" }
  | { kind: "teacher"; code: string }
  | { kind: "projector"; code: string }
  | { kind: "replay"; code: string }
  | { kind: "matches" }
  | { kind: "print"; code: string; part: "roles" | "guide" | "both" };

function routeOf(location: Location): Route {
  const [first = "", second = ""] = location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const code = normaliseClassCode(second);
  if (first === "play" && code) return { kind: "play", code };
  if (first === "teacher" && code) return { kind: "teacher", code };
  if (first === "projector" && code) return { kind: "projector", code };
  if (first === "replay" && code) return { kind: "replay", code };
  if (first === "matches") return { kind: "matches" };
  if (first === "print" && code) {
    const part = new URLSearchParams(location.search).get("part");
    return { kind: "print", code, part: part === "roles" || part === "guide" ? part : "both" };
  }
  if (first === "setup") return { kind: "setup" };
  if (first === "join" && code) return { kind: "landing", code, fromLink: true };
  const fromQuery = normaliseClassCode(new URLSearchParams(location.search).get("code") ?? "");
  return { kind: "landing", code: fromQuery, fromLink: fromQuery !== "" };
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html is missing #${id}`);
  return found as T;
}

/** Fills every element marked `data-text="key"` in index.html with its message. */
function applyText(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>("[data-text]")) {
    const key = element.dataset.text ?? "";
    if (isMessageKey(key)) element.textContent = t(key);
    else console.warn(`Missing message for data-text="${key}"`);
  }
}

/** ?lang= first (the projector link carries the teacher's), then this device's choice, then the browser's. */
function startingLanguage(): Language {
  const fromLink = new URLSearchParams(window.location.search).get("lang") ?? "";
  if (isLanguage(fromLink)) return fromLink;
  const chosen = remembered.language() ?? "";
  return isLanguage(chosen) ? chosen : pickLanguage(navigator.languages);
}

// Before anything else (a language may load first): a mirrored laptop must not show the key.
let keyFromAddress = takeKeyFromAddress();
applyPaletteToCss(document.documentElement);
await setLanguage(startingLanguage());
applyText(document);
document.title = t("app.title");
const languagePicker = mountLanguagePicker(element("language-picker"));
mountGlossary();

const landingSection = element<HTMLElement>("landing");
const landingElements = findLandingElements(document);
const screen: ScreenElements = {
  section: element("game-screen"),
  top: element("screen-top"),
  stage: element("game-container"),
  main: element("screen-main"),
  more: element("screen-more"),
};
const teacherCard = element<HTMLElement>("teacher-card");
let running: RunningScreen | undefined;

const landing = new LandingController(
  {
    startMatch: () => navigate("/setup"),
    joinClass: (code, nickname) => void joinAsStudent(code, nickname, true),
  },
  (state) => renderLanding(landingElements, state),
);
bindLanding(landingElements, landing);
// A new language redraws the start page; the running screen redraws itself (match-screens).
onLanguageChange(() => {
  applyText(document);
  document.title = t("app.title");
  renderLanding(landingElements, landing.state);
});

// "Open your recorded matches with a teacher key": the key travels in the fragment only.
const keyForm = element<HTMLFormElement>("key-form");
const keyInput = element<HTMLInputElement>("teacher-key");
const keyError = element<HTMLElement>("teacher-key-error");
keyForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const key = keyInput.value.trim();
  keyError.hidden = key !== "";
  keyError.textContent = key ? "" : t("landing.teacher.keyMissing");
  keyInput.setAttribute("aria-invalid", String(key === ""));
  if (!key) {
    keyInput.focus();
    return;
  }
  keyInput.value = "";
  // Handed over through this browser's storage, as the list would keep it: never in an address.
  remembered.setTeacherKey(key);
  window.location.assign(`/matches${window.location.search}`);
});

const joinFailures: Record<JoinError["reason"], MessageKey> = {
  "unknown-code": "landing.student.unknownCode",
  unreachable: "landing.student.unreachable",
  rejected: "landing.student.rejected",
  "bad-token": "landing.student.rejected",
};

/** `forStudent`: opened from a join link or QR code, so only the join form shows. */
function showLanding(code: string, forStudent = false): void {
  closeScreen();
  landingSection.hidden = false;
  screen.section.hidden = true;
  teacherCard.hidden = forStudent;
  landingSection.classList.toggle("landing--student", forStudent);
  if (code) landingElements.codeInput.value = code;
  if (!landingElements.nicknameInput.value) {
    landingElements.nicknameInput.value = (code && remembered.nickname(code)) || suggestNickname(t("nickname.adjectives").split(","), t("nickname.animals").split(","), (adjective, animal) => t("nickname.pattern", { adjective, animal }));
  }
  reportToE2e({ screen: "landing" });
}

function showScreen(): void {
  landingSection.hidden = true;
  screen.section.hidden = false;
}

function closeScreen(): void {
  running?.dispose();
  running = undefined;
  delete screen.section.dataset.screen;
}

async function joinAsStudent(code: string, nickname: string, fromForm: boolean): Promise<void> {
  try {
    const { runStudent } = await import("./app/match-screens.js");
    remembered.setNickname(code, nickname);
    closeScreen();
    running = await runStudent(screen, code, nickname);
    if (fromForm) window.history.pushState(null, "", `/play/${encodeURIComponent(code)}${window.location.search}`);
    showScreen();
  } catch (error) {
    const reason = (error as Partial<JoinError>).reason;
    if (!fromForm) showLanding(code, true);
    landing.failed(reason ? joinFailures[reason] : "landing.student.unreachable", error instanceof Error ? error.message : "");
  }
}

async function openHost(code: string, fromLink: string | null): Promise<void> {
  if (fromLink) {
    remembered.setTeacherToken(code, fromLink);
    if (!remembered.teacherKey()) remembered.setTeacherKey(fromLink);
  }
  const token = remembered.teacherToken(code);
  showScreen();
  try {
    if (!token) throw new Error(t("rejection.not-teacher"));
    const { runHost } = await import("./app/match-screens.js");
    running = await runHost(screen, code, token);
  } catch (error) {
    screen.main.textContent = t("connection.failed", { reason: error instanceof Error ? error.message : String(error) });
  }
}

async function openProjector(code: string): Promise<void> {
  showScreen();
  try {
    const { runProjector } = await import("./app/match-screens.js");
    running = await runProjector(screen, code);
  } catch (error) {
    screen.main.textContent = t("connection.failed", { reason: error instanceof Error ? error.message : String(error) });
  }
}

async function openSetup(): Promise<void> {
  showScreen();
  const [{ SetupController }, { renderSetup }, { patch }] = await Promise.all([import("./ctrl/setup-controller.js"), import("./ui/setup-view.js"), import("./ui/dom.js")]);
  const ctrl: InstanceType<typeof SetupController> = new SetupController(
    () => patch(screen.main, renderSetup(ctrl, () => navigate("/"))),
    (match) => {
      remembered.setTeacherToken(match.code, match.teacherToken);
      remembered.setTeacherKey(match.teacherToken);
      navigate(`/teacher/${match.code}`);
    },
    window.location.origin + "/",
    remembered.teacherKey(),
    (key) => remembered.setTeacherKey(key),
  );
  screen.section.dataset.screen = "setup";
  patch(screen.top, []);
  patch(screen.main, renderSetup(ctrl, () => navigate("/")));
  running = { dispose: onLanguageChange(() => patch(screen.main, renderSetup(ctrl, () => navigate("/")))) };
  document.querySelector<HTMLElement>("#screen-main h1")?.focus();
  await ctrl.loadScenarios();
  reportToE2e({ screen: "setup" });
}

async function openPrint(code: string, part: "roles" | "guide" | "both", fromLink: string | null): Promise<void> {
  showScreen();
  screen.section.dataset.screen = "print";
  const { runPrint } = await import("./print/print-view.js");
  // The cards and the guide are fetched in the page's language, again when it changes.
  running = { dispose: onLanguageChange(() => void runPrint(screen.main, code, part, null)) };
  await runPrint(screen.main, code, part, fromLink);
}

async function openReplay(code: string | null, fromLink: string | null): Promise<void> {
  showScreen();
  try {
    if (code) {
      const { runReplay } = await import("./replay/run-replay.js");
      running = await runReplay(screen, code, fromLink);
    } else {
      const { runMatches } = await import("./replay/matches-view.js");
      running = await runMatches(screen, fromLink);
    }
  } catch (error) {
    screen.main.textContent = t("connection.failed", { reason: error instanceof Error ? error.message : String(error) });
  }
}

function navigate(path: string): void {
  window.history.pushState(null, "", path + window.location.search.replace(/([?&])code=[^&]*/, "$1"));
  show(routeOf(window.location));
}

function show(route: Route): void {
  closeScreen();
  // The key the address brought is for the page it opened, not for pages the app opens later.
  const fromLink = keyFromAddress;
  keyFromAddress = null;
  // The projector follows the teacher's language (its link, or the same browser's choice).
  languagePicker.hidden = route.kind === "projector";
  screen.main.textContent = "";
  switch (route.kind) {
    case "landing":
      landing.reset();
      showLanding(route.code, route.fromLink);
      return;
    case "play": {
      const nickname = remembered.nickname(route.code);
      if (!nickname && !remembered.reconnectionToken(route.code, "player")) {
        showLanding(route.code, true);
        return;
      }
      showLanding(route.code, true);
      void joinAsStudent(route.code, nickname ?? "", false);
      return;
    }
    case "setup":
      void openSetup();
      return;
    case "teacher":
      void openHost(route.code, fromLink);
      return;
    case "projector":
      void openProjector(route.code);
      return;
    case "replay":
      void openReplay(route.code, fromLink);
      return;
    case "matches":
      void openReplay(null, fromLink);
      return;
    case "print":
      void openPrint(route.code, route.part, fromLink);
      return;
  }
}

window.addEventListener("popstate", () => show(routeOf(window.location)));
show(routeOf(window.location));
