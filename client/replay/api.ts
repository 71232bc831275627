// The recordings API over fetch (server/README.md): the teacher's list, export, import,
// delete, replay links and the replay itself. Credentials travel as a Bearer header only;
// a student's replay link lives in the fragment, which never reaches the server's logs; the
// teacher's key is never left in an address (client/net/address-key.ts).
import type { MatchRecord } from "../../shared/replay/record.js";
import type { Provenance, ReplayMoment, ReplayOutline } from "../../shared/replay/remote.js";
import { remembered } from "../net/storage.js";

export interface MatchRow {
  code: string;
  createdAt: number;
  classLabel: string;
  tables: number;
  rules: string[];
  status: "lobby" | "running" | "ended";
  startedAt: number | null;
  endedAt: number | null;
  durationMs: number;
  events: number;
  live: boolean;
  imported?: Provenance;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function send(path: string, token: string | null, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
    throw new ApiError(res.status, body.error?.code ?? "server-error", body.error?.message ?? `HTTP ${res.status}`);
  }
  return res;
}

async function call<T>(path: string, token: string | null, init: RequestInit = {}): Promise<T> {
  return (await (await send(path, token, init)).json()) as T;
}

export const listMatches = (token: string) => call<{ matches: MatchRow[] }>("/api/matches", token).then((b) => b.matches);
/** The record file as the server wrote and signed it, untouched. */
export const exportRecordText = async (token: string, code: string, pseudonymise: boolean) => (await send(`/api/matches/${code}/record${pseudonymise ? "?pseudonymise=1" : ""}`, token)).text();
export const fetchRecord = (token: string, code: string) => call<MatchRecord>(`/api/matches/${code}/record`, token);
export const deleteMatch = (token: string, code: string) => call<{ ok: true }>(`/api/matches/${code}`, token, { method: "DELETE" });
export const importRecord = (token: string, fileText: string) =>
  call<{ code: string; events: number; finalHash: string; imported: Provenance }>("/api/matches/import", token, { method: "POST", headers: { "content-type": "application/json" }, body: fileText });
/** A replay link for students; with nicknames only when asked (by default they see "Student 1", "Student 2" …). */
export const createReplayLink = (token: string, code: string, nicknames = false) =>
  call<{ token: string; link: string }>(`/api/matches/${code}/replay-links`, token, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ nicknames }) });

/** Opens an ended match's room again for a debrief in a later lesson (the dashboard then steps through the cards). */
export const reopenMatch = (token: string, code: string) => call<{ ok: true; code: string; reopened: boolean }>(`/api/matches/${code}/reopen`, token, { method: "POST" });

export type ReplayStart = { access: "teacher"; code: string; imported?: Provenance } | ReplayOutline;

/** How a replay starts: the teacher's token or a link, and the seat secret this browser kept from the match, if any. */
export function fetchReplayStart(credential: string, code: string, seatSecret: string | null): Promise<ReplayStart> {
  return call<ReplayStart>(`/api/matches/${code}/replay`, credential, { headers: seatSecret ? { "x-seat-secret": seatSecret } : {} });
}

export function fetchMoment(credential: string, code: string, seatSecret: string | null, moment: number, view: string, text: boolean): Promise<ReplayMoment> {
  const query = new URLSearchParams({ at: String(moment), view, ...(text ? { text: "1" } : {}) });
  return call<ReplayMoment>(`/api/matches/${code}/replay/view?${query.toString()}`, credential, { headers: seatSecret ? { "x-seat-secret": seatSecret } : {} });
}

const LIST_KEY = "rough-consensus.matches.teacher";

/** The teacher token for the matches page: the link's #token= (main.ts took it out of the address), the page's own, else a match's. */
export function teacherTokenForList(fromLink: string | null): string | null {
  if (fromLink) {
    rememberListToken(fromLink);
    return fromLink;
  }
  try {
    const own = localStorage.getItem(LIST_KEY);
    if (own) return own;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? "";
      if (/^rough-consensus\.[A-Z0-9]{5}\.teacher$/.test(key)) return localStorage.getItem(key);
    }
  } catch {
    // storage blocked: the page asks for a token
  }
  return null;
}

export function rememberListToken(token: string): void {
  try {
    localStorage.setItem(LIST_KEY, token);
  } catch {
    // nothing to do: the list just needs the link again next time
  }
}

/**
 * The replay credential: a student's link (#replay=, which stays in the address), else the
 * teacher's key for this match as this browser keeps it (a link's #token= was stored there by
 * runReplay, the matches page hands it over there), else the list's key.
 */
export function replayCredential(code: string, hash: string): string | null {
  const given = new URLSearchParams(hash.replace(/^#/, "")).get("replay");
  if (given) return given;
  return remembered.teacherToken(code) ?? teacherTokenForList(null);
}
