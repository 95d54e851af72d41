// Whether a path stays inside a folder, by its text (links are not resolved here).
import { isAbsolute, relative, sep } from "node:path";

/** Whether `path` is `root` or below it: "..x.yaml" is a file inside, ".." and "../x.yaml" are not. */
export function isWithin(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
