// Annex A controls the Statement of Applicability excludes turn off the rules derived from them alone
// (pipeline/applicability.ts): everywhere, or for the systems the exclusion names.
import { describe, expect, it } from "vitest";
import { brief, fixture, lintDir } from "./helpers/lint.js";

const SOA = (rows: string) => `kind: statement-of-applicability\nid: SOA-1\ntitle: SoA\ncontrols:\n${rows}`;
const CARD = (system: string) => `kind: model-card\nid: MC-${system}\ntitle: Card\nsystem: ${system}\nintended_use: Routing letters.\nlimitations: Handwriting.\n`;

describe("applicability", () => {
  const files = (rows: string) => ({ "soa.yaml": SOA(rows), "mc-1.yaml": CARD("SYS-1"), "mc-2.yaml": CARD("SYS-2") });
  const users = async (rows: string) => brief((await lintDir(fixture(files(rows)))).findings.filter((f) => f.ruleId === "modelcard/intended-users"));

  it("keeps an Annex A rule while its control is included or not in the SoA", async () => {
    const included = "  - { control: A.8.2, applicable: included }\n";
    expect(await users(included)).toEqual(["mc-1.yaml:1:1 modelcard/intended-users", "mc-2.yaml:1:1 modelcard/intended-users"]);
  });

  it("turns the rule off everywhere for a control excluded for all systems", async () => {
    expect(await users("  - { control: A.8.2, applicable: excluded, scope: all }\n")).toEqual([]);
    expect(await users("  - { control: A.8.2, applicable: excluded }\n")).toEqual([]);
  });

  it("turns it off only for the systems an exclusion names", async () => {
    expect(await users("  - { control: A.8.2, applicable: excluded, scope: [SYS-2] }\n")).toEqual(["mc-1.yaml:1:1 modelcard/intended-users"]);
  });

  it("keeps a rule that also cites a clause or a control still included", async () => {
    const result = await lintDir(fixture({ ...files("  - { control: A.6.2.7, applicable: excluded }\n  - { control: A.9.4, applicable: excluded }\n") }));
    // modelcard/required-sections cites A.6.2.7, A.8.2 and A.9.4: A.8.2 is still included.
    expect(result.findings.filter((f) => f.ruleId === "modelcard/required-sections").length).toBeGreaterThan(0);
    // modelcard/links-system cites A.6.2.7 alone: off, where it fires without the exclusion.
    expect(result.findings.filter((f) => f.ruleId === "modelcard/links-system")).toEqual([]);
    const without = await lintDir(fixture(files("  - { control: A.6.2.7, applicable: included }\n")));
    expect(brief(without.findings.filter((f) => f.ruleId === "modelcard/links-system"))).toEqual(["mc-1.yaml:4:9 modelcard/links-system", "mc-2.yaml:4:9 modelcard/links-system"]);
  });
});
