// The GitHub Action's pure parts: the changed lines of a diff.
import { describe, expect, it } from "vitest";
import { addedLines, parseGitDiff, unquoteGitPath, WHOLE_FILE } from "../src/action/changed-files.js";

describe("changed lines", () => {
  it("reads the added lines of a patch: context advances, removals do not, hunks restart the count", () => {
    const patch = [
      "@@ -1,4 +1,5 @@ kind: note",
      " kind: note",
      "-status: final",
      "+status: sometimes",
      "+owner: x",
      " id: N-1",
      "\\ No newline at end of file",
      "@@ -20,2 +21,3 @@",
      " a: 1",
      "",
      "+b: 2",
    ].join("\n");
    expect(addedLines(patch)).toEqual([
      [2, 3],
      [23, 23],
    ]);
    expect(addedLines("")).toEqual([]);
  });

  it("splits git diff output per file, unquoting names, and drops names it cannot place", () => {
    const output = [
      "diff --git a/notes/a.yaml b/notes/a.yaml",
      "index 1..2 100644",
      "--- a/notes/a.yaml",
      "+++ b/notes/a.yaml",
      "@@ -3 +3 @@",
      "-x: 1",
      "+x: 2",
      'diff --git "a/notes/t\\tab \\"q\\" \\303\\251.yaml" "b/notes/t\\tab \\"q\\" \\303\\251.yaml"',
      "new file mode 100644",
      "--- /dev/null",
      '+++ "b/notes/t\\tab \\"q\\" \\303\\251.yaml"',
      "@@ -0,0 +1,2 @@",
      "+kind: note",
      "++++ a line that starts with three plus signs",
      "diff --git a/img.png b/img.png",
      "Binary files a/img.png and b/img.png differ",
      "diff --git a/notes/unlisted.yaml b/notes/unlisted.yaml",
      "+++ b/notes/unlisted.yaml",
      "@@ -1 +1 @@",
      "+x",
    ].join("\n");
    const lines = parseGitDiff(output, new Set(["notes/a.yaml", 'notes/t\tab "q" é.yaml', "img.png"]));
    expect([...lines]).toEqual([
      ["notes/a.yaml", [[3, 3]]],
      ['notes/t\tab "q" é.yaml', [[1, 2]]],
    ]);
  });

  it("unquotes git's C-style paths, bytes as UTF-8", () => {
    expect(unquoteGitPath("plain/name.yaml")).toBe("plain/name.yaml");
    expect(unquoteGitPath('"a\\\\b\\nc\\342\\234\\223.yaml"')).toBe("a\\b\nc✓.yaml");
    expect(unquoteGitPath('"bad\\q"')).toBeUndefined();
    expect(unquoteGitPath('"unterminated')).toBeUndefined();
  });

  it("takes every line of an added file whose patch GitHub left out", () => {
    expect(WHOLE_FILE[0]![0]).toBe(1);
    expect(WHOLE_FILE[0]![1]).toBeGreaterThan(1e9);
  });
});
