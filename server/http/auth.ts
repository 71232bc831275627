// Who is asking: the teacher token (a teacher, with all their matches) or a replay link (one
// match's replay), both sent as `Authorization: Bearer <token>`. Only hashes are stored, and a
// hash is compared with a stored one in constant time (server/secrets.ts). An unknown code and
// someone else's code get the same answer, so codes cannot be probed with a token.
import type { Request } from "express";
import { context } from "../context.js";
import { isCode } from "../rooms/codes.js";
import { sameHash, sha256 } from "../secrets.js";
import type { MatchHeader } from "../store/match-store.js";
import { HttpError } from "./errors.js";

export function bearer(req: Request): string | null {
  const header = req.headers.authorization;
  const m = typeof header === "string" ? /^Bearer\s+(\S{1,200})$/i.exec(header.trim()) : null;
  return m?.[1] ?? null;
}

/** The hash of a teacher token this server knows; 401 when there is none or it is unknown. */
export async function requireTeacher(req: Request): Promise<string> {
  const token = bearer(req);
  if (!token) throw new HttpError(401, "no-token", "This needs the teacher token (Authorization: Bearer <token>).");
  const hash = sha256(token);
  if (!(await context().store.isTeacher(hash))) throw new HttpError(401, "unknown-token", "That teacher token is not known on this server.");
  return hash;
}

/** The teacher token of a request that may come without one (creating a first match). */
export async function optionalTeacher(req: Request): Promise<string | null> {
  return bearer(req) === null ? null : requireTeacher(req);
}

/** The code in the address, in capitals; a string that cannot be a code is an unknown match. */
export function codeParam(req: Request): string {
  const raw = req.params.code;
  const code = typeof raw === "string" ? raw.toUpperCase() : "";
  if (!isCode(code)) throw new HttpError(404, "unknown-match", "There is no match with that code.");
  return code;
}

/** The header of a match this teacher owns, or 404 (unknown code, unknown token and not-yours look the same). */
export async function ownedMatch(req: Request): Promise<MatchHeader> {
  const token = bearer(req);
  if (!token) throw new HttpError(401, "no-token", "This needs the teacher token (Authorization: Bearer <token>).");
  const hash = sha256(token);
  const code = codeParam(req);
  const header = await context().store.getHeader(code);
  if (!header || !sameHash(header.teacherTokenHash, hash)) throw new HttpError(404, "unknown-match", "There is no match with that code for this teacher token.");
  return header;
}
