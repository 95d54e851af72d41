// Licence names as people write them ("CC BY-SA 4.0 License", "Apache License, Version 2.0", "the MIT license"),
// turned into the Hub's licence ids (cc-by-sa-4.0, apache-2.0, mit), so that a card's text can be compared with
// its front matter.

const CREATIVE_COMMONS =
  /\b(?:cc|creative\s+commons)[\s-]*(?:attribution|by)((?:[\s-]*(?:non-?commercial|nc|no-?deriv(?:ative)?s?|nd|share[\s-]*alike|sa))*)[\s-]*(?:licen[cs]e[\s-]*)?(?:international[\s-]*|unported[\s-]*)?(?:v(?:ersion)?\s*)?(\d\.\d)/gi;

const OTHERS: readonly [RegExp, string][] = [
  [/\bapache(?:\s+licen[cs]e)?,?\s*(?:v(?:ersion)?\s*)?2(?:\.0)?\b/i, "apache-2.0"],
  [/\bmit\s+licen[cs]e\b|\blicen[cs]ed\s+under\s+(?:the\s+)?mit\b/i, "mit"],
  [/\bcc0\b/i, "cc0-1.0"],
  [/\b(?:gnu\s+)?agpl[\s-]*v?3\b/i, "agpl-3.0"],
  [/\b(?:gnu\s+)?(?<!a|l)gpl[\s-]*v?3\b/i, "gpl-3.0"],
  [/\bbsd[\s-]*3[\s-]*clause\b/i, "bsd-3-clause"],
];

/** The licence ids a text names, each once, in the order found. */
export function licenceIds(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(CREATIVE_COMMONS)) {
    const terms = (m[1] ?? "").toLowerCase();
    const parts = ["cc-by"];
    if (/non-?commercial|\bnc\b/.test(terms)) parts.push("nc");
    if (/no-?deriv|\bnd\b/.test(terms)) parts.push("nd");
    if (/share[\s-]*alike|\bsa\b/.test(terms)) parts.push("sa");
    ids.add(`${parts.join("-")}-${m[2]}`);
  }
  for (const [re, id] of OTHERS) if (re.test(text)) ids.add(id);
  return [...ids];
}
