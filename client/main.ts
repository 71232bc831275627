// The entry point: the start page and the join form in plain DOM. It must never import
// Phaser (or anything that does) statically; game screens load it on demand.
import "./styles/main.css";
import { LandingController } from "./ctrl/landing-controller.js";
import { applyText, t } from "./text/catalog.js";
import { GameScreen } from "./ui/game-screen.js";
import { bindLanding, findLandingElements, renderLanding } from "./ui/landing-view.js";
import { applyPaletteToCss } from "./ui/palette.js";

type Screen = "landing" | "table";

function screenInUrl(): Screen {
  return new URLSearchParams(window.location.search).get("scene") === "table" ? "table" : "landing";
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html is missing #${id}`);
  return found as T;
}

applyPaletteToCss(document.documentElement);
applyText(document);
document.title = t("app.title");

const landingSection = element<HTMLElement>("landing");
const landingElements = findLandingElements(document);

const gameScreen = new GameScreen(
  {
    section: element("game-screen"),
    heading: element("game-heading"),
    container: element("game-container"),
    status: element("game-status"),
    backButton: element<HTMLButtonElement>("game-back"),
  },
  () => navigate("landing"),
);

// Until the network layer exists, both verbs open the table preview.
const landing = new LandingController(
  {
    startMatch: () => navigate("table"),
    joinClass: () => navigate("table"),
  },
  (state) => renderLanding(landingElements, state),
);
bindLanding(landingElements, landing);

// A QR code or link may carry the class code: /?code=ABCD fills the form.
const codeInLink = new URLSearchParams(window.location.search).get("code");
if (codeInLink) landingElements.codeInput.value = codeInLink;

function navigate(screen: Screen): void {
  const url = new URL(window.location.href);
  if (screen === "landing") url.searchParams.delete("scene");
  else url.searchParams.set("scene", screen);
  window.history.pushState(null, "", url);
  show(screen);
}

let shown: Screen | undefined;

function show(screen: Screen): void {
  const leavingGame = shown !== undefined && shown !== "landing";
  shown = screen;
  landingSection.hidden = screen !== "landing";
  if (screen === "landing") {
    gameScreen.close();
    landing.reset();
    if (leavingGame) element("landing-heading").focus();
  } else {
    void gameScreen.open();
  }
}

window.addEventListener("popstate", () => show(screenInUrl()));
show(screenInUrl());
