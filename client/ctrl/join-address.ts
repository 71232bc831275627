// Where students join: the server works out an address a phone can open (GET
// /api/join-address: PUBLIC_URL, the LAN address when the teacher browses at localhost, or
// none with the reason) and the teacher may pick another of the machine's addresses. The
// choice is kept in this browser, so the projector page opened from the dashboard shows the
// same one. No DOM beyond fetch and storage.

export interface JoinAddressInfo {
  /** Origin phones should open (no trailing slash), or null when there is none. */
  origin: string | null;
  source: "public-url" | "request" | "lan" | "none";
  alternatives: string[];
  problem: "no-lan" | "loopback-only" | null;
}

const CHOICE_KEY = "rough-consensus.join-origin";

export async function fetchJoinAddress(): Promise<JoinAddressInfo> {
  const response = await fetch("/api/join-address", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as JoinAddressInfo;
}

/** What a screen knows of the join address: not asked yet, the server's answer, or that asking failed. */
export type JoinAddressState = JoinAddressInfo | null | "failed";

/** Asks the server; a failed request becomes "failed", which the screens word as such. */
export async function loadJoinAddress(): Promise<JoinAddressState> {
  try {
    return await fetchJoinAddress();
  } catch {
    return "failed";
  }
}

/** The origin students use, or null when no phone could reach this server (or it is not known yet). */
export function joinOriginOf(state: JoinAddressState): string | null {
  return state === "failed" ? null : chosenOrigin(state);
}

/** The teacher's pick among the server's addresses, if still one of them; else the server's. */
export function chosenOrigin(info: JoinAddressInfo | null): string | null {
  if (!info?.origin) return null;
  let choice: string | null = null;
  try {
    choice = localStorage.getItem(CHOICE_KEY);
  } catch {
    choice = null;
  }
  return choice && (choice === info.origin || info.alternatives.includes(choice)) ? choice : info.origin;
}

export function chooseOrigin(origin: string): void {
  try {
    localStorage.setItem(CHOICE_KEY, origin);
  } catch {
    // Private mode: the pick lasts as long as the page.
  }
}

/** Calls `listener` when another page of this browser (the dashboard) picks another address. */
export function onOriginChosen(listener: () => void): () => void {
  const handler = (event: StorageEvent) => {
    if (event.key === CHOICE_KEY) listener();
  };
  window.addEventListener("storage", handler);
  return () => window.removeEventListener("storage", handler);
}

export function joinLink(origin: string, code: string): string {
  return `${origin}/join/${code}`;
}

/** What a phone must type: the address without "http://", as on the projector. */
export function shortAddress(origin: string): string {
  return origin.replace(/^https?:\/\//, "");
}
