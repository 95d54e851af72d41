// fast-check generators for hostile repositories: artefacts with random (and hostile) values, hostile file names,
// and byte-level mutations of real files. Used by the property tests; the fuzzer (fuzz/run.mjs) has its own
// unshrinking, endless variant of the same ideas.
import fc from "fast-check";
import { stringify } from "yaml";

/** Strings that have broken linters, terminals and CI runners. */
export const HOSTILE_TOKENS = [
  "::error::pwned",
  "::warning file=x,line=1::pwned",
  "\n::error::after a newline",
  "\r::error::after a CR",
  "\r\n::notice::after CRLF",
  "  ::set-output name=x::y",
  "::add-mask::secret",
  "::stop-commands::token",
  "##[error]legacy",
  "##[group]x",
  "%0A::error::percent-encoded",
  "%25%0D%3A%2C",
  "\u001b[31mred\u001b[0m",
  "\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007",
  "\u009b31m",
  "\u0085next-line",
  "\u2028line\u2029para",
  "\u0000nul",
  "\u0007bell\b\b",
  "\t\v\f",
  "${{ secrets.GITHUB_TOKEN }}",
  "$(touch /tmp/aimslint-pwned)",
  "`id`",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "<script>alert(1)</script>",
  "]]></x><!--",
  "' OR 1=1 --",
  "../../../../etc/passwd",
  "C:\\Windows\\system32",
  "\ufeffbom",
  "\ud800lone-surrogate",
  "😀👩‍👩‍👧‍👦",
  "e\u0301\u0301\u0301",
  "‮rtl-override",
  "a".repeat(300),
  "*alias",
  "&anchor",
  "!include x.yaml",
  "!!js/function 'f() {}'",
  "? complex",
  "- item",
  "key: value",
  "{ flow: map }",
  "[flow, seq]",
  "|",
  ">-",
  "'",
  '"',
  "#",
  "---",
  "...",
  "~",
  "null",
  "yes",
  "0x1F",
  "1e400",
  "-.inf",
  ".nan",
  "2026-02-30",
  "2026-06-30T12:00:00Z",
  "TBD",
  "[More Information Needed]",
  "aimslint-disable-file risk/* -- hostile",
  "<!-- aimslint-disable-next-line schema/enum -->",
];

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE_TOKENS), { maxLength: 4 }).map((parts) => parts.join(" ")) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
);

const ENUM = {
  likelihood: ["rare", "unlikely", "possible", "likely", "almost-certain"],
  impact: ["negligible", "minor", "moderate", "major", "severe"],
  level: ["low", "medium", "high", "critical"],
  option: ["avoid", "mitigate", "transfer", "accept"],
};

const controlId = fc.oneof(fc.constantFrom("A.2.2", "A.5.4", "A.6.2.4", "A.7.4", "A.9.2", "A.10.3", "ORG-GUARD"), hostileString);
const date = fc.oneof(
  fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2026-06-30", "2026-02-30", "2026-6-3", "2026-06-30T12:00:00Z", "30/06/2026", "0000-00-00"),
  hostileString,
  fc.integer(),
);
const value = <T>(normal: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: normal }, { weight: 1, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constantFrom(null, 0, -1, 1e308, true, [], {}) });
const pick = (values: string[]) => value(fc.constantFrom(...values));
const text = value(fc.string({ maxLength: 30 }));

/** Extra keys anywhere: unknown, look-alike, prototype names, x- extensions. */
const extraKeys = fc.dictionary(fc.oneof(fc.constantFrom("__proto__", "constructor", "owner_", "tittle", "x-extra", "kind", "id", "treatment"), hostileString), hostileString, { maxKeys: 3 });

const risk = fc
  .record(
    {
      kind: fc.oneof({ weight: 5, arbitrary: fc.constant("risk") }, { weight: 1, arbitrary: hostileString }),
      id: value(fc.stringMatching(/^RISK-[0-9]{1,4}$/)),
      title: text,
      system: value(fc.constantFrom("SYS-A", "SYS-B")),
      affected: value(fc.array(fc.constantFrom("individuals", "groups", "organisation", "society", "everyone"), { maxLength: 4 })),
      inherent: fc.record({ likelihood: pick(ENUM.likelihood), impact: pick(ENUM.impact), level: pick(ENUM.level) }, { requiredKeys: [] }),
      treatment: fc.record({ option: pick(ENUM.option), controls: value(fc.array(controlId, { maxLength: 4 })), owner: text, due: date }, { requiredKeys: [] }),
      residual: fc.record({ likelihood: pick(ENUM.likelihood), impact: pick(ENUM.impact), level: pick(ENUM.level) }, { requiredKeys: [] }),
      acceptance: fc.record({ by: text, on: date }, { requiredKeys: [] }),
      assessed_on: date,
      next_review: date,
    },
    { requiredKeys: ["kind"] },
  )
  .chain((r) => extraKeys.map((extra) => ({ ...r, ...extra })));

const soa = fc.record(
  {
    kind: fc.constant("statement-of-applicability"),
    id: value(fc.constant("SOA-1")),
    title: text,
    controls: fc.array(
      fc.record(
        {
          control: controlId,
          title: text,
          applicable: pick(["included", "excluded"]),
          justification: text,
          status: pick(["planned", "implemented", "partial"]),
          evidence: value(fc.array(text, { maxLength: 2 })),
        },
        { requiredKeys: ["control"] },
      ),
      { maxLength: 5 },
    ),
  },
  { requiredKeys: ["kind"] },
);

const system = fc.record(
  {
    kind: fc.constant("ai-system"),
    id: value(fc.constantFrom("SYS-A", "SYS-B")),
    name: text,
    owner: text,
    intended_purpose: text,
    lifecycle_stage: pick(["design", "development", "operation", "retired"]),
    cost_budget: fc.record({ amount: value(fc.double()), currency: text, period: pick(["month", "year"]) }, { requiredKeys: [] }),
  },
  { requiredKeys: ["kind"] },
);

const SECTIONS = [
  "Uses",
  "Direct Use",
  "Out-of-Scope Use",
  "Training Data",
  "Evaluation",
  "Metrics",
  "Limitations",
  "Bias, Risks, and Limitations",
  "Human Oversight",
  "Intended Use",
  "Caveats and Recommendations",
];
const modelCardFront = fc.record(
  {
    license: text,
    pipeline_tag: value(fc.constantFrom("text-generation", "image-classification")),
    system: value(fc.constantFrom("SYS-A", "SYS-B")),
    base_model: text,
    tags: value(fc.array(text, { maxLength: 3 })),
    impact_assessment: text,
  },
  { requiredKeys: [] },
);
const markdownBody = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.oneof(fc.constantFrom(...SECTIONS), hostileString),
      fc.oneof(fc.string({ maxLength: 60 }), hostileString, fc.constantFrom("[More Information Needed]", "TBD", "<!-- todo -->", "```\n## not a heading\n```")),
    ),
    { maxLength: 6 },
  )
  .map((sections) => sections.map(([level, title, body]) => `${"#".repeat(level)} ${title}\n\n${body}\n`).join("\n"));

const NEWLINES = fc.constantFrom("\n", "\n", "\r\n", "\r");

/** One YAML value as text: the `yaml` library's output, or JSON (valid YAML) for variety. */
function yamlText(data: unknown, style: number): string {
  if (style === 0) return JSON.stringify(data);
  try {
    return stringify(data, { lineWidth: 0 });
  } catch {
    return JSON.stringify(data);
  }
}

export interface GeneratedFile {
  name: string;
  bytes: Uint8Array;
}

/** A generated artefact file: risk, SoA or AI system as YAML or JSON, or a model card in Markdown. */
export const artefactFile: fc.Arbitrary<Omit<GeneratedFile, "name"> & { ext: string }> = fc
  .tuple(
    fc.oneof(
      risk,
      soa,
      system,
      modelCardFront.map((fm) => ({ "@card": fm })),
    ),
    fc.integer({ min: 0, max: 3 }),
    NEWLINES,
    markdownBody,
    fc.boolean(),
  )
  .map(([data, style, newline, body, bom]) => {
    let text: string;
    let ext: string;
    if ("@card" in (data as object)) {
      const front = (data as { "@card": unknown })["@card"];
      text = `---\n${yamlText(front, style === 0 ? 1 : style).replace(/\n$/, "")}\n---\n# Model card\n\n${body}`;
      ext = ".md";
    } else if (style === 1) {
      text = JSON.stringify(data, null, 2);
      ext = ".json";
    } else {
      text = yamlText(data, style);
      ext = ".yaml";
    }
    text = text.replace(/\r?\n/g, newline);
    return { ext, bytes: Buffer.from((bom ? "\ufeff" : "") + text, "utf8") };
  });

/** A file name that a filesystem accepts: hostile characters, no `/` or NUL, not too long. */
export const hostileName = fc
  .oneof({ weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/) }, { weight: 3, arbitrary: hostileString })
  .map((s) =>
    s
      .replace(/[/\u0000]/g, "_")
      .replace(/[\ud800-\udfff]/g, "_")
      .slice(0, 40),
  )
  .filter((s) => s.length > 0 && s !== "." && s !== ".." && Buffer.byteLength(s) < 200 && !/^(node_modules|\.git)$/.test(s));

/** Byte-level mutations of real files: bit flips, truncation, splices, repetition, encoding and line-end changes. */
export type Mutation =
  | { op: "flip"; at: number; bit: number }
  | { op: "truncate"; at: number }
  | { op: "splice"; at: number; length: number; insert: string }
  | { op: "insert-bytes"; at: number; bytes: number[] }
  | { op: "repeat"; at: number; length: number; times: number }
  | { op: "encoding"; to: "utf16le" | "utf16be" | "latin1" | "bom" | "crlf" | "cr" | "lf" };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("splice" as const),
    at: fc.nat(),
    length: fc.nat({ max: 64 }),
    insert: fc.oneof(hostileString, fc.constantFrom(": ", "\n- ", "---\n", "[", "{", '"', "*a", "&a ", "!tag ", "\t", "\r")),
  }),
  fc.record({ op: fc.constant("insert-bytes" as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant("repeat" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 2, max: 50 }) }),
  fc.record({ op: fc.constant("encoding" as const), to: fc.constantFrom("utf16le", "utf16be", "latin1", "bom", "crlf", "cr", "lf") }),
);

export function mutate(input: Uint8Array, m: Mutation): Buffer {
  const b = Buffer.from(input);
  const at = (n: number) => (b.length === 0 ? 0 : n % (b.length + 1));
  switch (m.op) {
    case "flip": {
      if (b.length === 0) return b;
      const i = m.at % b.length;
      b[i] = (b[i] as number) ^ (1 << m.bit);
      return b;
    }
    case "truncate":
      return b.subarray(0, at(m.at));
    case "splice": {
      const i = at(m.at);
      return Buffer.concat([b.subarray(0, i), Buffer.from(m.insert, "utf8"), b.subarray(Math.min(b.length, i + m.length))]);
    }
    case "insert-bytes": {
      const i = at(m.at);
      return Buffer.concat([b.subarray(0, i), Buffer.from(m.bytes), b.subarray(i)]);
    }
    case "repeat": {
      const i = at(m.at);
      const chunk = b.subarray(i, i + m.length);
      return Buffer.concat([b.subarray(0, i), ...Array.from({ length: m.times }, () => chunk), b.subarray(i)]);
    }
    case "encoding": {
      const text = b.toString("utf8");
      if (m.to === "utf16le") return Buffer.from("\ufeff" + text, "utf16le");
      if (m.to === "utf16be") return Buffer.from("\ufeff" + text, "utf16le").swap16();
      if (m.to === "latin1") return Buffer.from(text, "latin1");
      if (m.to === "bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
      if (m.to === "crlf") return Buffer.from(text.replace(/\r?\n/g, "\r\n"), "utf8");
      if (m.to === "cr") return Buffer.from(text.replace(/\r?\n/g, "\r"), "utf8");
      return Buffer.from(text.replace(/\r\n?/g, "\n"), "utf8");
    }
  }
}
