// Mirrors the engine's views into the synchronised schema. Secrecy is decided by viewFor()
// alone: public fields are written from the projector's view, private entries from the
// teacher's (who sees everything), and each client's StateView holds exactly the private
// entries that appear in viewFor() for that client. Writes only what changed, so one
// statement does not resend the world.
import { StateView } from "@colyseus/schema";
import type { Client } from "@colyseus/core";
import { viewFor, type MatchView, type Viewer } from "../../shared/rules/view.js";
import type { MatchState } from "../../shared/rules/types.js";
import { SECRET_KEYS, type SeatInfo } from "../../shared/protocol/state.js";
import {
  AttendanceState,
  DelegationState,
  MatchRoomState,
  NewsState,
  PlayerState,
  RoundState,
  ScoreState,
  Secret,
  StancesState,
  StatementState,
  TableState,
  TabledState,
} from "./schema.js";

/** What the room remembers about each connected device (kept across reconnections). */
export interface ClientData {
  viewer: Viewer;
  /** Keys of the private entries this client's StateView holds. */
  visible: Set<string>;
}

function setIf<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

type MapLike<V> = { get(key: string): V | undefined; set(key: string, value: V): unknown; delete(key: string): unknown; keys(): IterableIterator<string> };

export class Mirror {
  /** Every private entry by a global key, so that views can add and remove it. */
  private secrets = new Map<string, Secret>();
  private scenarioText: { ended: boolean; text: string } | null = null;

  constructor(readonly root: MatchRoomState) {}

  /** Writes the public view and every private entry's current content. */
  write(state: MatchState, connected: (player: string) => boolean): void {
    const pub = viewFor(state, { kind: "projector" });
    this.writePublic(pub, state, connected);
    const all = viewFor(state, { kind: "teacher" });
    this.upsert(SECRET_KEYS.scenario, this.root.secrets, SECRET_KEYS.scenario, all.scenario, 0);
    all.tables.forEach((tv) => {
      const ts = this.root.tables.at(tv.index)!;
      tv.corridor.forEach((c, i) => this.upsert(`t${tv.index}:corridor:${c.id}`, ts.corridor, c.id, c, i));
      tv.fellowships.forEach((f, i) => this.upsert(`t${tv.index}:fellowship:${f.id}`, ts.fellowships, f.id, f, i));
      tv.grants.forEach((g, i) => this.upsert(`t${tv.index}:grant:${g.id}`, ts.grants, g.id, g, i));
      tv.rounds.forEach((rv, ri) => {
        const rs = ts.rounds.at(ri)!;
        for (const [role, a] of Object.entries(rv.attendance)) {
          if ("paidBy" in a) this.upsert(`t${tv.index}:r${ri}:paidBy:${role}`, rs.paidBy, role, a.paidBy ?? null, 0);
        }
      });
    });
  }

  /** Gives every client exactly the private entries of its own viewFor(). */
  syncViews(state: MatchState, clients: Iterable<Client>, seats: (player: string) => SeatInfo | null): void {
    const cache = new Map<string, MatchView>();
    for (const client of clients) this.syncClient(state, client, seats, cache);
  }

  syncClient(state: MatchState, client: Client, seats: (player: string) => SeatInfo | null, cache = new Map<string, MatchView>()): void {
    const data = client.userData as ClientData | undefined;
    if (!data) return;
    const viewer = data.viewer;
    let classKey: string = viewer.kind === "teacher" ? "teacher" : "public";
    if (viewer.kind === "player") {
      // Delegates of one seat share a view, except that a muted one's actions differ.
      const p = state.players[viewer.id];
      classKey = p && p.role !== null && p.table !== null ? `d:${p.table}/${p.role}${p.muted ? "/muted" : ""}` : "n";
    }
    let view = cache.get(classKey);
    if (!view) {
      view = viewFor(state, viewer);
      cache.set(classKey, view);
    }
    const want = new Set<string>();
    if (viewer.kind === "teacher") want.add(SECRET_KEYS.scenario);
    for (const tv of view.tables) {
      for (const c of tv.corridor) want.add(`t${tv.index}:corridor:${c.id}`);
      for (const f of tv.fellowships) want.add(`t${tv.index}:fellowship:${f.id}`);
      for (const g of tv.grants) want.add(`t${tv.index}:grant:${g.id}`);
      tv.rounds.forEach((rv, ri) => {
        for (const [role, a] of Object.entries(rv.attendance)) if ("paidBy" in a) want.add(`t${tv.index}:r${ri}:paidBy:${role}`);
      });
    }
    if (view.briefing && view.me && view.me.table !== null && view.me.role !== null) {
      const key = SECRET_KEYS.briefing(view.me.table, view.me.role);
      this.upsert(key, this.root.secrets, key, view.briefing, 0);
      want.add(key);
    }
    if (view.actions) {
      const key = SECRET_KEYS.actions(classKey);
      this.upsert(key, this.root.secrets, key, view.actions, 0);
      want.add(key);
    }
    if (viewer.kind === "player") {
      const seat = seats(viewer.id);
      if (seat) {
        const key = SECRET_KEYS.seat(viewer.id);
        this.upsert(key, this.root.secrets, key, seat, 0);
        want.add(key);
      }
    }
    this.applyVisibility(client, data, want);
  }

  /** Removes a private entry from every view and from the state (a revoked seat). */
  drop(key: string, clients: Iterable<Client>): void {
    const secret = this.secrets.get(key);
    if (!secret) return;
    for (const client of clients) {
      const data = client.userData as ClientData | undefined;
      if (data?.visible.has(key)) {
        client.view?.remove(secret);
        data.visible.delete(key);
      }
    }
    this.root.secrets.delete(key);
    this.secrets.delete(key);
  }

  private applyVisibility(client: Client, data: ClientData, want: Set<string>): void {
    client.view ??= new StateView();
    for (const key of [...data.visible]) {
      if (want.has(key)) continue;
      const secret = this.secrets.get(key);
      if (secret) client.view.remove(secret);
      data.visible.delete(key);
    }
    for (const key of want) {
      if (data.visible.has(key)) continue;
      const secret = this.secrets.get(key);
      if (!secret) continue;
      client.view.add(secret);
      data.visible.add(key);
    }
  }

  private upsert(key: string, map: MapLike<Secret>, mapKey: string, value: unknown, order: number): void {
    const json = JSON.stringify(value) ?? "null";
    const known = this.secrets.get(key);
    if (known) {
      setIf(known, "json", json);
      setIf(known, "order", order);
      return;
    }
    const secret = new Secret({ json, order });
    map.set(mapKey, secret);
    this.secrets.set(key, secret);
  }

  private writePublic(v: MatchView, state: MatchState, connected: (player: string) => boolean): void {
    const r = this.root;
    setIf(r, "matchId", v.matchId);
    setIf(r, "status", v.status);
    setIf(r, "round", v.round);
    setIf(r, "phase", v.phase);
    setIf(r, "deadline", v.clock.deadline ?? -1);
    setIf(r, "pausedRemaining", v.clock.pausedRemaining ?? -1);
    const ended = v.status === "ended";
    if (!this.scenarioText || this.scenarioText.ended !== ended) this.scenarioText = { ended, text: JSON.stringify(v.scenario) };
    setIf(r, "scenario", this.scenarioText.text);
    if (r.settings === "null") r.settings = JSON.stringify(v.settings);
    setIf(r, "debriefCard", v.debrief.card);
    setIf(r, "debriefNicknames", v.debrief.nicknames);

    v.players.forEach((p, order) => {
      let s = r.players.get(p.id);
      if (!s) {
        s = new PlayerState();
        r.players.set(p.id, s);
      }
      setIf(s, "nickname", p.nickname);
      setIf(s, "kind", p.kind);
      setIf(s, "table", p.table ?? -1);
      setIf(s, "role", p.role ?? "");
      setIf(s, "muted", p.muted);
      setIf(s, "present", p.present);
      setIf(s, "connected", p.kind === "bot" || (p.present && connected(p.id)));
      setIf(s, "order", order);
    });

    v.news.forEach((n, i) => {
      if (!r.news.at(i)) r.news.push(new NewsState({ id: n.id, text: n.text, at: n.at }));
    });

    v.tables.forEach((tv, ti) => {
      let ts = r.tables.at(ti);
      if (!ts) {
        ts = new TableState();
        r.tables.push(ts);
      }
      setIf(ts, "index", tv.index);
      setIf(ts, "rule", tv.rule);
      for (const [role, d] of Object.entries(tv.delegations)) {
        let ds = ts.delegations.get(role);
        if (!ds) {
          ds = new DelegationState();
          ts.delegations.set(role, ds);
        }
        setIf(ds, "tokens", d.tokens);
        setIf(ds, "income", d.income);
      }
      tv.rounds.forEach((rv, ri) => {
        let rs = ts.rounds.at(ri);
        if (!rs) {
          rs = new RoundState();
          ts.rounds.push(rs);
        }
        setIf(rs, "dossier", rv.dossier);
        for (const [role, a] of Object.entries(rv.attendance)) {
          let as = rs.attendance.get(role);
          if (!as) {
            as = new AttendanceState();
            rs.attendance.set(role, as);
          }
          setIf(as, "mode", a.mode);
          setIf(as, "delegates", a.delegates);
          setIf(as, "cost", a.cost);
          setIf(as, "defaulted", a.defaulted);
        }
        rv.tabled.forEach((x, i) => {
          if (!rs.tabled.at(i)) rs.tabled.push(new TabledState({ option: x.option, by: x.by, at: x.at }));
        });
        for (const [role, stances] of Object.entries(rv.positions)) {
          let ps = rs.positions.get(role);
          if (!ps) {
            ps = new StancesState();
            rs.positions.set(role, ps);
          }
          for (const [option, stance] of Object.entries(stances)) if (ps.stances.get(option) !== stance) ps.stances.set(option, stance);
        }
        for (const [role, n] of Object.entries(rv.remoteCommentsUsed)) if (rs.remoteCommentsUsed.get(role) !== n) rs.remoteCommentsUsed.set(role, n);
        setIf(rs, "drafting", JSON.stringify(rv.drafting));
        setIf(rs, "rider", JSON.stringify(rv.rider));
        setIf(rs, "consensus", JSON.stringify(rv.consensus));
        setIf(rs, "decision", JSON.stringify(rv.decision));
        setIf(rs, "adoptedPayoffs", JSON.stringify(rv.adoptedPayoffs));
      });
      tv.statements.forEach((s, i) => {
        if (!ts.statements.at(i)) ts.statements.push(new StatementState({ ...s }));
      });
      tv.scores.forEach((sc, i) => {
        let ss = ts.scores.at(i);
        if (!ss) {
          ss = new ScoreState();
          ts.scores.push(ss);
        }
        setIf(ss, "role", sc.role);
        setIf(ss, "mandatePoints", sc.mandatePoints);
        setIf(ss, "mandate", sc.mandate);
        setIf(ss, "standing", sc.standing);
        setIf(ss, "total", sc.total);
        setIf(ss, "roundsInPerson", sc.roundsInPerson);
        setIf(ss, "draftingSeats", sc.draftingSeats);
        setIf(ss, "tokens", sc.tokens);
      });
    });
    void state;
  }
}
