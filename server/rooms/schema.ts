// The synchronised room state (schema() builders, no decorators). Public fields mirror the
// projector's viewFor(); fields marked .view() are private collections whose elements reach
// only the clients whose StateView holds them (see mirror.ts). Shape documented for clients in
// shared/protocol/state.ts.
import { schema, t, type SchemaType } from "@colyseus/schema";

export const Secret = schema({ json: t.string().default("null"), order: t.uint32().default(0) }, "Secret");
export type Secret = SchemaType<typeof Secret>;

export const PlayerState = schema(
  {
    nickname: t.string().default(""),
    kind: t.string().default("human"),
    table: t.int8().default(-1),
    role: t.string().default(""),
    muted: t.boolean().default(false),
    present: t.boolean().default(true),
    connected: t.boolean().default(false),
    order: t.uint16().default(0),
  },
  "Player",
);
export type PlayerState = SchemaType<typeof PlayerState>;

export const NewsState = schema({ id: t.string(), text: t.string(), at: t.float64() }, "News");
export type NewsState = SchemaType<typeof NewsState>;

export const StatementState = schema(
  { id: t.string(), role: t.string(), player: t.string(), kind: t.string(), text: t.string(), at: t.float64(), round: t.int8() },
  "Statement",
);
export type StatementState = SchemaType<typeof StatementState>;

export const AttendanceState = schema({ mode: t.string(), delegates: t.uint8(), cost: t.uint16(), defaulted: t.boolean() }, "Attendance");
export type AttendanceState = SchemaType<typeof AttendanceState>;

export const TabledState = schema({ option: t.string(), by: t.string(), at: t.float64() }, "Tabled");
export type TabledState = SchemaType<typeof TabledState>;

export const StancesState = schema({ stances: t.map("string") }, "Stances");
export type StancesState = SchemaType<typeof StancesState>;

export const RoundState = schema(
  {
    dossier: t.string(),
    paidBy: t.map(Secret).view(),
    attendance: t.map(AttendanceState),
    tabled: t.array(TabledState),
    positions: t.map(StancesState),
    drafting: t.string().default("[]"),
    remoteCommentsUsed: t.map("uint8"),
    rider: t.string().default("null"),
    consensus: t.string().default("[]"),
    decision: t.string().default("null"),
    adoptedPayoffs: t.string().default("null"),
  },
  "Round",
);
export type RoundState = SchemaType<typeof RoundState>;

export const DelegationState = schema({ tokens: t.int32(), income: t.int32() }, "Delegation");
export type DelegationState = SchemaType<typeof DelegationState>;

export const ScoreState = schema(
  {
    role: t.string(),
    mandatePoints: t.float64(),
    mandate: t.float64(),
    standing: t.float64(),
    total: t.float64(),
    roundsInPerson: t.uint8(),
    draftingSeats: t.uint8(),
    tokens: t.int32(),
  },
  "Score",
);
export type ScoreState = SchemaType<typeof ScoreState>;

export const TableState = schema(
  {
    corridor: t.map(Secret).view(),
    fellowships: t.map(Secret).view(),
    grants: t.map(Secret).view(),
    index: t.uint8(),
    rule: t.string(),
    delegations: t.map(DelegationState),
    rounds: t.array(RoundState),
    statements: t.array(StatementState),
    scores: t.array(ScoreState),
  },
  "Table",
);
export type TableState = SchemaType<typeof TableState>;

export const MatchRoomState = schema(
  {
    secrets: t.map(Secret).view(),
    matchId: t.string().default(""),
    status: t.string().default("lobby"),
    round: t.int8().default(-1),
    phase: t.string().default("lobby"),
    deadline: t.float64().default(-1),
    pausedRemaining: t.float64().default(-1),
    scenario: t.string().default("null"),
    settings: t.string().default("null"),
    debriefCard: t.uint8().default(0),
    debriefNicknames: t.boolean().default(false),
    players: t.map(PlayerState),
    news: t.array(NewsState),
    tables: t.array(TableState),
  },
  "MatchState",
);
export type MatchRoomState = SchemaType<typeof MatchRoomState>;
