// decide() stays a dispatcher a newcomer can read: no function in decide.ts or in a command
// handler module runs over 60 lines (read with the TypeScript parser, so nothing hides on one line).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const rules = fileURLToPath(new URL("../../../shared/rules/", import.meta.url));
const LONGEST = 60;
const files = [path.join(rules, "decide.ts"), ...readdirSync(path.join(rules, "handlers")).filter((f) => f.endsWith(".ts")).map((f) => path.join(rules, "handlers", f))];

/** Every function, method, arrow and function expression with its name (or where it stands) and its length in lines. */
function functionsOf(file: string): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const line = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const named = (node as { name?: ts.Node }).name ?? (ts.isPropertyAssignment(node.parent) || ts.isVariableDeclaration(node.parent) ? node.parent.name : undefined);
      const start = node.getStart(source);
      found.push({ name: `${path.basename(file)}:${line(start) + 1} ${named?.getText(source) ?? "(anonymous)"}`, lines: line(node.getEnd()) - line(start) + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the shape of decide", () => {
  it(`has no function over ${LONGEST} lines in decide.ts or the handler modules`, () => {
    const all = files.flatMap(functionsOf);
    expect(all.some((f) => f.name.startsWith("decide.ts") && f.name.endsWith(" decide"))).toBe(true);
    expect(all.filter((f) => f.lines > LONGEST).map((f) => `${f.name}: ${f.lines} lines`)).toEqual([]);
  });
});
