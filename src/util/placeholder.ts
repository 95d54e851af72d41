// Template filler that counts as "not filled in", in YAML values and in Markdown sections alike.

// "<owner>" is filler, "<https://example.org>" (an autolink) and "<team@example.org>" are not. The bracketed
// "More Information Needed" of the Hugging Face templates comes in several spellings, sometimes as a link.
const WHOLE_VALUE =
  /^(?:tbd|tbc|tba|todo|fixme|n\/?a|unknown|\?+|x{3,}|-+|\.\.\.|\u2026|lorem ipsum\b.*|\[?(?:more information needed|needs more information)\]?(?:\([^)]*\))?|\[optional\]|<(?!(?:https?|ftp|mailto):|[^<>\s@]+@)[^<>]*>|\{\{[^}]*\}\}|\[(?:insert|add|your|fill)[^\]]*\])\.?$/is;
/** "The architecture family goes here": a template's slot described in words (CycloneDX's example BOM). */
const GOES_HERE = /(?:^|\s)goes here\.?$/i;

/** True for a string that only holds template filler such as TBD, N/A, `[More Information Needed]` or `<owner>`. */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  return WHOLE_VALUE.test(t) || (t.length <= 80 && GOES_HERE.test(t));
}

/** Filler that may stand anywhere inside a Markdown section. */
export const INLINE_PLACEHOLDERS = [/\[(?:more information needed|needs more information)\](?:\([^)]*\))?/gi, /\[optional\]/gi, /<!--[\s\S]*?-->/g, /\{\{[^}]*\}\}/g];
