// The files of a folder tree that tests read as a corpus.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file below `dir` whose name matches `name`, leaving out dependencies, git's folder and the bench's corpora. */
export function filesUnder(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "node_modules" || entry === ".git" || entry === ".corpus") return [];
    return statSync(path).isDirectory() ? filesUnder(path, name) : name.test(entry) ? [path] : [];
  });
}
