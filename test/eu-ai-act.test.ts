// The eu-ai-act preset: off unless the configuration extends it, and then the evidence the EU AI Act asks of a
// high-risk system is checked, found where the record falls short (docs/eu-ai-act.md).
import { describe, expect, it } from "vitest";
import { brief, fixture, lintDir } from "./helpers/lint.js";

const SYSTEM = (id: string, rest: string) =>
  [`kind: ai-system`, `id: ${id}`, `name: ${id}`, "owner: head-of-credit-risk", "intended_purpose: Support decisions about people.", "lifecycle_stage: operation", rest].join("\n");

const FILES = {
  // Line 7 on: used in Germany, in Annex III point 4(a), and no class stated.
  "systems/hiring.yaml": SYSTEM("SYS-HIRING", "jurisdictions: [DE]\neu_ai_act:\n  role: deployer\n  annex_iii: [4a-recruitment]\n"),
  // High-risk credit scoring deployed in Ireland, with almost none of the evidence.
  "systems/credit.yaml": SYSTEM(
    "SYS-CREDIT",
    [
      "autonomy: human-in-the-loop",
      "logging:",
      "  enabled: true",
      "  retention_days: 90",
      "jurisdictions: [UK, IE]",
      "eu_ai_act:",
      "  role: [provider, deployer]",
      "  risk_class: high",
      "  annex_iii: [5b-creditworthiness]",
      "",
    ].join("\n"),
  ),
  // Annex III, classified minimal without a reason.
  "systems/triage.yaml": SYSTEM("SYS-TRIAGE", "jurisdictions: [EU]\neu_ai_act:\n  role: provider\n  risk_class: minimal\n  annex_iii: [5d-emergency-calls]\n"),
  // Used in the UK only: the Act's rules have nothing to say.
  "systems/chat.yaml": SYSTEM("SYS-CHAT", "jurisdictions: [UK]\n"),
};

describe("the eu-ai-act preset", () => {
  it("finds each missing piece of evidence at its place", async () => {
    const dir = fixture({ ...FILES, "aimslint.config.yaml": "extends: eu-ai-act\ntoday: 2026-11-27\n" });
    const result = await lintDir(dir);
    expect(brief(result.findings).sort()).toEqual([
      // Six months at least (Art. 19, Art. 26(6)), on the value.
      "systems/credit.yaml:10:19 eu-ai-act/logging",
      // What the provider and the high-risk system's record lack, on the eu_ai_act block or the record.
      "systems/credit.yaml:12:1 eu-ai-act/post-market-monitoring",
      "systems/credit.yaml:12:1 eu-ai-act/serious-incident-reporting",
      "systems/credit.yaml:1:1 eu-ai-act/data-governance",
      "systems/credit.yaml:1:1 eu-ai-act/post-market-monitoring",
      // What other artefacts should hold about the system, on its id.
      "systems/credit.yaml:2:5 eu-ai-act/fria",
      "systems/credit.yaml:2:5 eu-ai-act/risk-management",
      "systems/credit.yaml:2:5 eu-ai-act/technical-documentation",
      // No class for an Annex III system used in Germany: one finding, though two rules ask for the class.
      "systems/hiring.yaml:8:1 eu-ai-act/annex-iii-classified",
      // An Annex III system classified minimal with no Art. 6(3) reason, on the class.
      "systems/triage.yaml:10:15 eu-ai-act/annex-iii-classified",
    ]);
    const message = (file: string, rule: string) => result.findings.filter((f) => f.file === file && f.ruleId === rule).map((f) => f.message);
    expect(message("systems/credit.yaml", "eu-ai-act/logging")).toEqual([
      '"logging.retention_days" is 90; at least 184 expected. Logs of a high-risk system are kept for at least six months (Art. 19, Art. 26(6)).',
    ]);
    expect(message("systems/credit.yaml", "eu-ai-act/fria")[0]).toMatch(/^No AI system impact assessment names AI system record "SYS-CREDIT" in "system" with "fria\.deployer_process", /);
    expect(message("systems/triage.yaml", "eu-ai-act/annex-iii-classified")[0]).toMatch(/^"minimal" in "eu_ai_act\.risk_class" is not one of "high"\. A system in an Annex III area is high-risk/);
  });

  it("is not switched off by an Annex A exclusion in the Statement of Applicability", async () => {
    // eu-ai-act/logging cites A.6.2.8 alone, but the Act's six months do not end where the organisation excludes it.
    const soa = "kind: statement-of-applicability\nid: SOA-1\ntitle: SoA\ncontrols:\n  - { control: A.6.2.8, applicable: excluded, scope: all }\n";
    const dir = fixture({ ...FILES, "soa.yaml": soa, "aimslint.config.yaml": "extends: eu-ai-act\ntoday: 2026-11-27\n" });
    const result = await lintDir(dir);
    expect(brief(result.findings.filter((f) => f.ruleId === "eu-ai-act/logging"))).toEqual(["systems/credit.yaml:10:19 eu-ai-act/logging"]);
  });

  it("is off under recommended and strict", async () => {
    for (const preset of ["recommended", "strict"]) {
      const dir = fixture({ ...FILES, "aimslint.config.yaml": `extends: ${preset}\ntoday: 2026-11-27\n` });
      const result = await lintDir(dir);
      expect(result.findings.filter((f) => f.ruleId.startsWith("eu-ai-act/"))).toEqual([]);
    }
  });
});
