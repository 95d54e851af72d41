// Templates for `aimslint init`: a governance folder that passes the schemas and whose only findings are
// the values left for the user to fill in (TBD and <...> placeholders, dates of approvals not yet given).
// Every value the schemas constrain (ids, enumerations, dates) holds a valid default, so a fresh scaffold
// never reports a schema or parse error; every free-text answer is a placeholder that the rule pack reports.
import { ANNEX_A, ANNEX_A_OBJECTIVES } from "../../core/iso42001.js";

export interface TemplateContext {
  /** Date written into `created`, `assessed_on` (YYYY-MM-DD). */
  today: string;
  /** Date written into `next_review`: a year after `today`. */
  nextReview: string;
  /** The `$schema` reference for a file: `schemaRef("governance/soa.yaml", "statement-of-applicability")`. */
  schemaRef: (file: string, schema: string) => string;
  /** aimslint version the workflow pins. */
  version: string;
  /** Folder of the project (the configuration file) relative to the git work tree root, "" when the same. */
  projectDir: string;
  /** The AI use aimslint found in the project, which the example system record then covers. */
  found?: FoundAiUse;
}

/** What `init` found of the repository's AI use (cli/seed-inventory.ts), to seed the system record with. */
export interface FoundAiUse {
  /** Files inside the project, from its root, each with what it is (for a comment). */
  paths: { path: string; what: string }[];
  /** AI actions used by workflows outside the project folder (its paths cannot reach them). */
  actions: string[];
  /** AI actions and packages to record as third-party components, with the version in use. */
  components: { name: string; type: "tool" | "library"; version: string }[];
  agents: boolean;
  ci: boolean;
  writes: boolean;
}

export interface TemplateFile {
  /** Path relative to the project folder (for `.github/…`, relative to the git work tree root). */
  path: string;
  /** Where `path` is relative to. */
  base: "project" | "repository";
  text: string;
}

export const IDS = {
  system: "SYS-EXAMPLE",
  modelCard: "MC-EXAMPLE",
  impactAssessment: "IA-EXAMPLE",
  riskCriteria: "RC-AI",
  riskRegister: "RR-AI",
  risk: "RISK-001",
  soa: "SOA-AIMS",
  policy: "POL-AI",
} as const;

export const PATHS = {
  config: "aimslint.config.yaml",
  policy: "governance/policy/ai-policy.yaml",
  system: "governance/systems/example-system.yaml",
  modelCard: "governance/model-cards/example-model.md",
  impactAssessment: "governance/impact-assessments/example-system.yaml",
  riskCriteria: "governance/risk-criteria.yaml",
  riskRegister: "governance/risks/register.yaml",
  soa: "governance/soa.yaml",
  workflow: ".github/workflows/aimslint.yml",
} as const;

const modeline = (ctx: TemplateContext, file: string, schema: string) => `# yaml-language-server: $schema=${ctx.schemaRef(file, schema)}\n`;

const HOW = `# Replace every TBD and <...> value; run "npx aimslint" to list what is still to fill in.`;

/** The document-control block (ISO/IEC 42001 7.5) every artefact starts with. */
const control = (ctx: TemplateContext, id: string, title: string | undefined) =>
  `id: ${id}
${title === undefined ? "" : `title: ${title}\n`}version: "0.1.0"
owner: <accountable role, e.g. ai-governance-lead>
status: draft                    # draft | in-review | approved | retired
created: ${ctx.today}
next_review: ${ctx.nextReview}
`;

function config(ctx: TemplateContext): string {
  return `${modeline(ctx, PATHS.config, "meta/config")}# aimslint configuration. This folder is the project root: evidence paths and globs are relative to it.
# Settings: docs/configuration.md of aimslint. Rule ids: npx aimslint rules. One rule: npx aimslint explain <rule-id>.
extends: recommended             # recommended (default) or strict

rules: {}
  # risk/review-current: { severity: error, options: { maxAgeMonths: 6 } }
  # modelcard/bias-considerations: off

ignores: []
  # - drafts/**
`;
}

function policy(ctx: TemplateContext): string {
  return `${modeline(ctx, PATHS.policy, "ai-policy")}# AI policy (ISO/IEC 42001 5.2, A.2). Top management approves it and reviews it on a fixed cycle.
${HOW}
kind: ai-policy
${control(ctx, IDS.policy, "<title, e.g. Example Ltd AI policy>")}approved_by: <top management role, e.g. ceo>
# approved_on: YYYY-MM-DD        # add when top management has approved the policy
purpose: TBD                     # how AI fits the purpose of the organisation, and where the policy applies
objectives_framework: TBD        # how AI objectives are set, measured and reviewed
commitments:
  applicable_requirements: TBD   # the commitment to meet applicable legal, regulatory and contractual requirements
  continual_improvement: TBD     # the commitment to continually improve the AI management system
related_policies:
  - title: <related policy, e.g. Information security policy>
    ref: TBD                     # link or path
distribution: TBD                # how staff and interested parties get the policy
concern_channel: TBD             # how anyone can raise a concern about the organisation's AI
review_cycle_months: 12
`;
}

function system(ctx: TemplateContext): string {
  return `${modeline(ctx, PATHS.system, "ai-system")}# AI system record (ISO/IEC 42001 4.3, A.4, A.6.2, A.9.4): one file per AI system; copy this one for the next.
${HOW}
kind: ai-system
${control(ctx, IDS.system, undefined)}name: <name of the AI system>
description: TBD
intended_purpose: TBD            # what the system is for, who uses it, and what it must not be used for
organisation_role: deployer      # provider | producer | customer | partner | subject | authority | developer | deployer | user
lifecycle_stage: design          # inception | design | development | validation | deployment | operation | retired
in_scope: true                   # inside the scope of the AI management system (4.3)
autonomy: human-in-the-loop      # assistive | human-in-the-loop | human-on-the-loop | autonomous
# personal_data: true            # true or false
data_categories:
  - TBD
datasets:                        # ids of the data cards of the datasets the system uses
  - TBD
tooling:                         # tools, libraries and pre-trained models
  - TBD
compute: TBD
team:
  - role: system owner
    name: <person or team>
monitoring:
  what: TBD
  frequency: TBD
  owner: <role that reviews the monitoring results>
# logging: { enabled: true, phases: [operation], retention_days: 365 }   # required from deployment on (A.6.2.8)
feedback_channel: TBD            # where users and affected people report problems
incident_comms_plan: TBD         # how users are told about incidents (path or text)
jurisdictions:
  - TBD
${ctx.found ? foundAiUse(ctx.found) : ""}`;
}

/** The record's automation, AI use and components, as aimslint init found them in the repository. */
function foundAiUse(found: FoundAiUse): string {
  const yamlString = (s: string) => JSON.stringify(s);
  const lines = ["# Found by aimslint init in this repository: check that it all belongs to this system (npx aimslint inventory)."];
  lines.push("automation:");
  lines.push(`  agents: ${found.agents}`);
  if (found.ci) lines.push("  usage: [ci]");
  if (found.writes) lines.push("  reaches: [privileged-actions]   # a job that runs AI may write to the repository: list its permissions in access_scope");
  lines.push("ai_use:");
  if (found.paths.length > 0) lines.push("  paths:", ...found.paths.map((p) => `    - ${yamlString(p.path)}   # ${p.what.replace(/[\r\n]/g, " ")}`));
  if (found.actions.length > 0) lines.push("  actions:", ...found.actions.map((a) => `    - ${yamlString(a)}`));
  if (found.components.length > 0) {
    lines.push("third_party_components:");
    for (const c of found.components) {
      lines.push(
        `  - name: ${yamlString(c.name)}`,
        `    type: ${c.type}`,
        `    version: ${yamlString(c.version)}`,
        "    supplier: TBD",
        "    upstream_review: quarterly",
        "    # last_reviewed: YYYY-MM-DD   # add when the component was last reviewed",
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

function modelCard(ctx: TemplateContext): string {
  return `---
# Model card (ISO/IEC 42001 A.6.2.7, A.8.2, A.9.4). The keys below are for aimslint; the sections follow the
# Hugging Face model card template, so the card stays valid on the Hub. Replace every TBD and <...>.
kind: model-card
${control(ctx, IDS.modelCard, "<title, e.g. Support assistant model card>")}system: ${IDS.system}
impact_assessment: ${IDS.impactAssessment}
model_details:
  name: <model name>
  version: <model version>
  type: TBD
  developed_by: TBD
  license: TBD
---
# Model card

## Intended use

TBD

## Out-of-scope use

TBD

## Intended users

TBD

## Training data

TBD

## Evaluation results

TBD

## Limitations

TBD

## Bias and fairness

TBD

## Human oversight

TBD
`;
}

function impact(id: string, level: string): string {
  return `    - id: ${id}
      area: other                # fairness | privacy | safety | security | transparency | accountability | human-rights | accessibility | financial | environment | economy | democracy | health | culture | other
      type: harm                 # harm | benefit
      description: TBD           # the impact on ${level}
      # severity: moderate       # negligible | minor | moderate | major | severe
      # likelihood: possible     # rare | unlikely | possible | likely | almost-certain
      mitigations:
        - TBD
      # risk: ${IDS.risk}          # a harm rated major or severe is carried into the risk register
      # none_identified: true    # when there is no impact at this level: keep area, description and add reason
`;
}

function impactAssessment(ctx: TemplateContext): string {
  return `${modeline(ctx, PATHS.impactAssessment, "impact-assessment")}# AI system impact assessment (ISO/IEC 42001 6.1.4, 8.4, A.5): impacts on individuals, groups and society.
${HOW}
kind: impact-assessment
${control(ctx, IDS.impactAssessment, "<title, e.g. Support assistant impact assessment 2026>")}system: ${IDS.system}
purpose: TBD
context:
  technical: TBD
  societal: TBD
  jurisdictions:
    - TBD
intended_use: TBD
foreseeable_misuse:
  - TBD
affected_parties:
  individuals:
    - TBD
  groups:
    - TBD
  society:
    - TBD
impacts:
  individuals:
${impact("IMP-01", "individuals")}  groups:
${impact("IMP-02", "groups of individuals")}  society:
${impact("IMP-03", "society")}assessor: <who carried out the assessment>
assessed_on: ${ctx.today}
approved_by: <role that approves the assessment>
# approved_on: YYYY-MM-DD        # add when the assessment has been approved
retention: TBD                   # how long the results are kept, e.g. P10Y
`;
}

function riskRegister(ctx: TemplateContext): string {
  return `${modeline(ctx, PATHS.riskRegister, "risk-register")}# AI risk register (ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3): one entry per risk.
${HOW}
kind: risk-register
${control(ctx, IDS.riskRegister, "AI risk register")}risks:
  - id: ${IDS.risk}
    title: <what could go wrong, in one line>
    description: TBD             # what could happen, how, and with which consequences
    system: ${IDS.system}
    source: other                # complexity-of-environment | lack-of-transparency | level-of-automation | machine-learning | hardware | lifecycle | technology-readiness | third-party | other
    # affected: [individuals]    # individuals | groups | organisation | society
    inherent:                    # provisional ratings: rate against your risk criteria
      likelihood: possible       # rare | unlikely | possible | likely | almost-certain
      impact: moderate           # negligible | minor | moderate | major | severe
      # level: medium            # low | medium | high | critical, from your risk criteria
    # treatment:
    #   option: mitigate         # avoid | mitigate | transfer | accept
    #   controls: [A.6.2.4]      # Annex A controls included in the Statement of Applicability, or ORG-... controls
    #   owner: <role>
    #   due: YYYY-MM-DD
    owner: <risk owner>
    status: open                 # open | treating | monitoring | accepted | closed
    impact_assessment: ${IDS.impactAssessment}
    assessed_on: ${ctx.today}
    next_review: ${ctx.nextReview}
`;
}

function riskCriteria(ctx: TemplateContext): string {
  return `${modeline(ctx, PATHS.riskCriteria, "risk-criteria")}# AI risk criteria (ISO/IEC 42001 6.1.1, 6.1.2, 6.1.3): how risks are rated, and who may accept them.
${HOW}
# The matrix and acceptance below are aimslint's defaults (docs/risk-criteria.md): make them your own.
kind: risk-criteria
${control(ctx, IDS.riskCriteria, "AI risk criteria")}# Say what each point of the scales means here (recommended), lowest first:
# likelihood:
#   - level: rare                # then unlikely, possible, likely, almost-certain
#     meaning: Less than once in ten years
# impact:
#   - level: negligible          # then minor, moderate, major, severe
#     meaning: No one affected notices
matrix:                          # the level for each likelihood (row) and impact (negligible ... severe)
  rare: [low, low, low, medium, medium]
  unlikely: [low, low, medium, medium, high]
  possible: [low, medium, medium, high, high]
  likely: [medium, medium, high, high, critical]
  almost-certain: [medium, high, high, critical, critical]
acceptance:                      # the roles that may accept a residual risk at each level
  low: [risk-owner]
  medium: [ai-governance-lead]
  high: [chief-risk-officer]
  critical: [ceo, board]
review_months: { low: 12, medium: 12, high: 6, critical: 3 }
`;
}

function soa(ctx: TemplateContext): string {
  let rows = "";
  let area = "";
  for (const [id, title] of Object.entries(ANNEX_A)) {
    const objective = id.replace(/^(A\.\d+)\..*$/, "$1");
    if (objective !== area) {
      area = objective;
      rows += `  # ${objective} ${ANNEX_A_OBJECTIVES[objective] ?? ""}\n`;
    }
    rows += `  - control: ${id}
    title: ${title}
    applicable: included
    justification: TBD
    status: not-started
    owner: <owner>
`;
  }
  return `${modeline(ctx, PATHS.soa, "statement-of-applicability")}# Statement of Applicability (ISO/IEC 42001 6.1.3): a decision on each of the 38 Annex A controls.
${HOW}
# For each control: applicable (included | excluded; an exclusion needs exclusion_basis: risk-assessment |
# external-requirements | organisation-role | other), justification, status (implemented | partial | planned |
# not-started), owner, and for implemented controls the evidence (repository paths or artefact ids).
kind: statement-of-applicability
${control(ctx, IDS.soa, "Statement of Applicability (ISO/IEC 42001:2023 Annex A)")}approved_by: <top or designated management role>
# approved_on: YYYY-MM-DD        # add when the SoA has been approved
controls:
${rows}`;
}

function workflow(ctx: TemplateContext): string {
  const inputs = ctx.projectDir === "" ? "" : `\n          paths: ${ctx.projectDir}\n          config: ${ctx.projectDir}/aimslint.config.yaml`;
  return `# yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json
# Checks the ISO/IEC 42001 governance artefacts on every pull request and push: annotations on the changed lines
# and a job summary. Hardened as docs/github-action.md of aimslint says: read-only token, no credentials left in
# the checkout, pull_request (never pull_request_target), a time limit. Pin the actions to commit SHAs if your
# organisation requires it.
name: aimslint
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
concurrency:
  group: aimslint-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  aimslint:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v5
        with:
          persist-credentials: false
      - uses: aimslint/aimslint@v${ctx.version}
        with:
          only-changed: \${{ github.event_name == 'pull_request' }}${inputs}
`;
}

/** The files `aimslint init` writes, in the order it reports them. */
export function governanceTemplates(ctx: TemplateContext): TemplateFile[] {
  return [
    { path: PATHS.config, base: "project", text: config(ctx) },
    { path: PATHS.policy, base: "project", text: policy(ctx) },
    { path: PATHS.system, base: "project", text: system(ctx) },
    { path: PATHS.modelCard, base: "project", text: modelCard(ctx) },
    { path: PATHS.impactAssessment, base: "project", text: impactAssessment(ctx) },
    { path: PATHS.riskCriteria, base: "project", text: riskCriteria(ctx) },
    { path: PATHS.riskRegister, base: "project", text: riskRegister(ctx) },
    { path: PATHS.soa, base: "project", text: soa(ctx) },
    { path: PATHS.workflow, base: "repository", text: workflow(ctx) },
  ];
}
