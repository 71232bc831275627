// The recordings API over fetch (server/README.md): the teacher's list, export, import,
// delete, replay links and the replay itself. Credentials travel as a Bearer header only;
// in addresses they live in the fragment, which never reaches the server's logs.
import type { MatchRecord } from "../../shared/replay/record.js";
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

async function call<T>(path: string, token: string | null, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  const res = await fetch(path, { ...init, headers });
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? "server-error", body.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

export const listMatches = (token: string) => call<{ matches: MatchRow[] }>("/api/matches", token).then((b) => b.matches);
export const exportRecord = (token: string, code: string, pseudonymise: boolean) => call<MatchRecord>(`/api/matches/${code}/record${pseudonymise ? "?pseudonymise=1" : ""}`, token);
export const deleteMatch = (token: string, code: string) => call<{ ok: true }>(`/api/matches/${code}`, token, { method: "DELETE" });
export const importRecord = (token: string | null, fileText: string) =>
  call<{ code: string; teacherToken: string; events: number; finalHash: string }>("/api/matches/import", token, { method: "POST", headers: { "content-type": "application/json" }, body: fileText });
export const createReplayLink = (token: string, code: string) => call<{ token: string; link: string }>(`/api/matches/${code}/replay-links`, token, { method: "POST" });
export const fetchReplay = (credential: string, code: string) => call<{ access: "teacher" | "link"; record: MatchRecord }>(`/api/matches/${code}/replay`, credential);

const LIST_KEY = "rough-consensus.matches.teacher";

/** The teacher token for the matches page: the address's fragment, the page's own, else a match's. */
export function teacherTokenForList(hash: string): string | null {
  const fromLink = /token=([^&]+)/.exec(hash)?.[1];
  if (fromLink) {
    rememberListToken(decodeURIComponent(fromLink));
    return decodeURIComponent(fromLink);
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

/** The replay credential: #token= (teacher) or #replay= (a link), else what this browser knows. */
export function replayCredential(code: string, hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const given = params.get("replay") ?? params.get("token");
  if (given) return given;
  return remembered.teacherToken(code) ?? teacherTokenForList("");
}
