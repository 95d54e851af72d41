// Template filler that counts as "not filled in", in YAML values and in Markdown sections alike.

const WHOLE_VALUE = /^(?:tbd|tbc|tba|todo|fixme|n\/?a|\?+|x{3,}|-+|\.\.\.|…|lorem ipsum\b.*|\[more information needed\]|\[optional\]|<[^<>]*>|\{\{[^}]*\}\}|\[(?:insert|add|your|fill)[^\]]*\])\.?$/is;

/** True for a string that only holds template filler such as TBD, N/A, `[More Information Needed]` or `<owner>`. */
export function isPlaceholder(text: string): boolean {
  return WHOLE_VALUE.test(text.trim());
}

/** Filler that may stand anywhere inside a Markdown section. */
export const INLINE_PLACEHOLDERS = [/\[more information needed\]/gi, /\[optional\]/gi, /<!--[\s\S]*?-->/g, /\{\{[^}]*\}\}/g];
