// The teacher's recorded matches: state and verbs for the matches page (list, export with the
// pseudonymise switch, delete, import, replay links). The view renders from it; the server
// decides what is allowed and says why when it is not.
import { remembered } from "../net/storage.js";
import { rt } from "../text/replay-en.js";
import { ApiError, createReplayLink, deleteMatch, exportRecordText, importRecord, listMatches, reopenMatch, type MatchRow } from "./api.js";

export interface Notice {
  kind: "ok" | "error";
  text: string;
}

export class MatchesController {
  matches: MatchRow[] = [];
  loading = false;
  loadError: string | null = null;
  pseudonymise = true;
  notice: Notice | null = null;
  links = new Map<string, string>();
  #listeners = new Set<() => void>();

  constructor(
    public token: string | null,
    private readonly download: (fileName: string, text: string) => void,
    private readonly confirm: (question: string) => boolean,
  ) {}

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async refresh(): Promise<void> {
    if (!this.token) return this.emit();
    this.loading = true;
    this.emit();
    try {
      this.matches = await listMatches(this.token);
      this.loadError = null;
    } catch (error) {
      this.loadError = reason(error);
    }
    this.loading = false;
    this.emit();
  }

  setPseudonymise(on: boolean): void {
    this.pseudonymise = on;
    this.emit();
  }

  async exportMatch(code: string): Promise<void> {
    if (!this.token) return;
    try {
      const text = await exportRecordText(this.token, code, this.pseudonymise);
      this.download(`rough-consensus-${code}${this.pseudonymise ? "-pseudonymised" : ""}.json`, text);
    } catch (error) {
      this.say("error", reason(error));
    }
  }

  async remove(code: string): Promise<void> {
    if (!this.token || !this.confirm(rt("matches.confirmDelete", { code }))) return;
    try {
      await deleteMatch(this.token, code);
      this.say("ok", rt("matches.deleted", { code }));
      await this.refresh();
    } catch (error) {
      this.say("error", reason(error));
    }
  }

  /** Importing is a teacher's action: it needs this server's teacher token. */
  async importFile(text: string): Promise<void> {
    if (!this.token) return this.say("error", rt("matches.importNeedsToken"));
    try {
      const done = await importRecord(this.token, text);
      this.say("ok", rt(done.imported === "verified" ? "matches.importedVerified" : "matches.importedChecked", { code: done.code }));
      await this.refresh();
    } catch (error) {
      this.say("error", rt("matches.importFailed", { reason: reason(error) }));
    }
  }

  async makeReplayLink(code: string): Promise<void> {
    if (!this.token) return;
    try {
      const link = await createReplayLink(this.token, code, !this.pseudonymise);
      this.links.set(code, link.link);
      this.emit();
    } catch (error) {
      this.say("error", reason(error));
    }
  }

  /**
   * A later lesson's debrief: reopens the ended match's room and opens its dashboard, where the
   * teacher steps through the cards and opens the projector view, as on the day.
   */
  async debrief(code: string): Promise<void> {
    if (!this.token) return;
    try {
      await reopenMatch(this.token, code);
      this.handOver(code);
      window.location.assign(`/teacher/${code}`);
    } catch (error) {
      this.say("error", reason(error));
    }
  }

  /**
   * The key that listed the match opens its replay and dashboard: handed over through this
   * browser's storage (where those pages look for it), never in an address — the laptop may be
   * mirrored on the wall, and a link's address shows on hover.
   */
  handOver(code: string): void {
    if (this.token) remembered.setTeacherToken(code, this.token);
  }

  private say(kind: Notice["kind"], text: string): void {
    this.notice = { kind, text };
    this.emit();
  }

  private emit(): void {
    for (const l of this.#listeners) l();
  }
}

function reason(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
