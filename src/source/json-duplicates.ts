// Finds repeated keys in JSON text in one linear pass. JSON.parse silently keeps the last value; a governance
// record that says two things must be reported, and this avoids a second, position-keeping parse of every file.

/**
 * Offsets [start, end) of every key that repeats an earlier key of the same object, and `over`, the first key past
 * `maxKeys` in one object (keys as written, repeats counted): the scan stops there. Assumes valid JSON.
 */
export function duplicateJsonKeys(text: string, maxKeys = Number.POSITIVE_INFINITY): { found: [number, number][]; over?: [number, number] } {
  const found: [number, number][] = [];
  const stack: (Set<string> | null)[] = [];
  const counts: number[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) {
      stack.push(new Set());
      counts.push(0);
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push(null);
      counts.push(0);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      counts.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] instanceof Set;
    } else if (c === 0x22 /* " */) {
      const start = i;
      let raw = "";
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) {
          raw += text.slice(i, i + 2);
          i++;
        } else if (d === 0x22) break;
        else raw += text[i];
      }
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        if (++counts[counts.length - 1]! > maxKeys) return { found, over: [start, i + 1] };
        // Compare decoded keys: "a" and "\u0061" are the same key.
        let key = raw;
        try {
          key = JSON.parse(`"${raw}"`) as string;
        } catch {
          /* keep the raw text */
        }
        if (keys.has(key)) found.push([start, i + 1]);
        else keys.add(key);
        expectKey = false;
      }
    }
  }
  return { found };
}
