import { afterAll, beforeAll, expect, it } from "vitest";
import { createMatch, expectViewsInSync, join, ok, startServer, leaveAll, type TestServer, decoded } from "./helpers.js";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s.close();
});

it("smoke", async () => {
  const m = await createMatch({ classLabel: "9b" });
  const teacher = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher");
  const a = await join(m.code, { as: "player", nickname: "Ana" }, "ana");
  const b = await join(m.code, { as: "player", nickname: "Ben" }, "ben");
  const proj = await join(m.code, { as: "projector" }, "projector");
  await ok(teacher, { type: "AssignRolesAutomatically" });
  await ok(teacher, { type: "StartMatch" });
  await expectViewsInSync(s, m.code, [teacher, a, b, proj]);
  console.log(JSON.stringify(decoded(a.room)).length, JSON.stringify(decoded(proj.room)).length, JSON.stringify(decoded(teacher.room)).length);
  expect(1).toBe(1);
  await leaveAll([teacher, a, b, proj]);
});
