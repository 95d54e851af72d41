#!/usr/bin/env node
// Deterministic generator of a realistic ISO/IEC 42001 governance repository, for the benchmark (docs/performance.md).
//
//   node bench/generate.mjs --n 1000 --out bench/.corpus/n1000 [--seed 42001] [--problem-rate 0.05]
//
// Writes exactly N artefact files (risk entries and registers, AI system records and inventories, impact assessments,
// model cards in YAML, JSON and Hugging Face README.md form, data cards, suppliers, one SoA, the AI policy, audits,
// management reviews, nonconformities), cross-referenced the way the rule pack expects (systems <-> risks <-> impact
// assessments <-> model cards <-> data cards <-> suppliers, risk controls <-> SoA), plus files that are not artefacts
// (procedures, deployment plans, Helm values, package.json, tokenizer.json) and noise that a linter must skip (source
// code, binaries, an untracked node_modules/ full of YAML, a .gitignore'd folder of stale copies).
// The repository also shows its own AI use (docs/ai-use.md), scaled with N: evaluation workflows that run an AI action
// or hand a job a model API key, a root .mcp.json, AI SDKs in the services' package.json (pinned, or ranges with a
// package-lock.json) and in the model folders' requirements.txt and pyproject.toml (pinned, or ranges with a uv.lock);
// the AI system records cover it in `ai_use` and declare it in `automation` and `third_party_components`.
// A share of the artefact files carries one deliberate problem (schema error, dangling reference or rule violation),
// and a share of the AI-use files one AI-use problem (an uncovered workflow, an unpinned AI action, an AI job without
// a time limit, an open range without a lock file).
// The folder becomes a git repository with one commit (fixed dates, so the commit id is the same on every machine)
// and one staged change, as a pre-commit hook sees it.
//
// Beside the folder, <out>.manifest.json says what was written: artefact files per kind and format, artefacts counted
// as aimslint counts them (a register and each of its entries), the AI-use files (workflows, agent configuration and
// manifests, which aimslint counts as artefacts of their own), every deliberate problem, the candidate files a linter
// reads, and the staged file. bench/run.mjs checks every measured tool against it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { stringify } from "yaml";

export const GENERATOR_VERSION = 2;
/** Changes whenever this file does: a corpus is reused only if it was made by exactly this generator. */
export const GENERATOR_HASH = createHash("sha256")
  .update(readFileSync(new URL(import.meta.url)))
  .digest("hex")
  .slice(0, 16);
export const TODAY = "2026-11-27";

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness: mulberry32. Every choice goes through one stream, in a fixed order, so output is byte-identical.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** k distinct items, in list order. */
  some(list, k) {
    const idx = list.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx
      .slice(0, Math.min(k, list.length))
      .sort((x, y) => x - y)
      .map((i) => list[i]);
  }
  date(from, to) {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    return new Date(a + Math.floor(this.next() * ((b - a) / 86400000 + 1)) * 86400000).toISOString().slice(0, 10);
  }
  bytes(n) {
    const buf = Buffer.alloc(n);
    for (let i = 0; i < n; i++) buf[i] = Math.floor(this.next() * 256);
    return buf;
  }
}

function addMonths(date, months) {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary.

const UNITS = [
  ["retail-lending", "Retail Lending"],
  ["cards", "Cards"],
  ["payments", "Payments"],
  ["fraud", "Financial Crime"],
  ["customer-service", "Customer Service"],
  ["people", "People and HR"],
  ["marketing", "Marketing"],
  ["operations", "Operations"],
  ["treasury", "Treasury"],
  ["compliance", "Compliance"],
  ["wealth", "Wealth Management"],
  ["insurance", "Insurance"],
];

const OWNERS = [
  "head-of-credit-risk",
  "head-of-customer-operations",
  "head-of-lending-operations",
  "head-of-fraud",
  "head-of-payments",
  "head-of-data-science",
  "head-of-people-analytics",
  "head-of-marketing-analytics",
  "head-of-treasury-analytics",
  "chief-data-officer",
];
const APPROVERS = ["chief-risk-officer", "chief-operating-officer", "chief-technology-officer", "ai-governance-lead"];
const REGIONS = ["UK", "IE", "DE", "FR", "NL", "ES"];

const ARCHETYPES = [
  {
    key: "scoring",
    noun: "Credit Scoring",
    purpose: "estimate the probability that an applicant defaults within 12 months, to support credit decisions that underwriters review",
    pipeline: "tabular-classification",
    library: "lightgbm",
    type: "gradient-boosted decision trees (binary classification)",
    autonomy: "human-in-the-loop",
    usage: ["api", "batch"],
    reaches: ["pii", "production-data"],
    agents: false,
    metrics: [
      ["roc_auc", 0.78, 0.86, true],
      ["gini", 0.56, 0.72, true],
      ["expected calibration error", 0.004, 0.012, false],
    ],
    data: ["application data", "credit bureau data", "repayment history", "income and employment data"],
    tools: ["lightgbm 4.5.0", "scikit-learn 1.5.2", "shap 0.46.0", "MLflow 2.16 (model registry)"],
    risk: ["fairness", "machine-learning", "Scores disadvantage some age groups through proxy attributes"],
    eu: "high",
  },
  {
    key: "assistant",
    noun: "Support Assistant",
    purpose: "answer customers' questions about products and accounts, look up the signed-in customer's own data and hand conversations to staff when needed",
    pipeline: "text-generation",
    library: "langgraph",
    type: "LLM agent with retrieval and tool calling (no fine-tuning)",
    autonomy: "human-on-the-loop",
    usage: ["api", "ci"],
    reaches: ["pii", "external-network"],
    agents: true,
    metrics: [
      ["answer accuracy", 0.9, 0.96, true],
      ["attack success rate", 0.002, 0.01, false],
      ["correct handover rate", 0.96, 0.99, true],
    ],
    data: ["chat messages (free text)", "customer identifiers and contact data", "account balances"],
    tools: ["LangGraph 0.2 (agent orchestration)", "pgvector 0.7 (retrieval index)", "promptfoo 0.90 (evaluation suite)"],
    risk: ["misinformation", "machine-learning", "Assistant gives wrong information about terms, payments or fees"],
    eu: "limited",
  },
  {
    key: "doc-classifier",
    noun: "Document Classification",
    purpose: "classify documents uploaded with applications and route them to the right work queue, with staff checking low-confidence cases",
    pipeline: "image-classification",
    library: "transformers",
    type: "vision transformer fine-tuned for document classification",
    autonomy: "human-on-the-loop",
    usage: ["batch", "scheduled"],
    reaches: ["pii"],
    agents: false,
    metrics: [
      ["macro F1", 0.9, 0.97, true],
      ["auto-routing error rate", 0.005, 0.02, false],
    ],
    data: ["scanned documents", "OCR text", "document labels"],
    tools: ["transformers 4.44", "Tesseract 5.4", "PyTorch 2.4"],
    risk: ["performance", "machine-learning", "Misclassified documents delay applications"],
    eu: "minimal",
  },
  {
    key: "fraud",
    noun: "Transaction Fraud Detection",
    purpose: "score card and account transactions for fraud in real time, holding suspicious payments for review by fraud analysts",
    pipeline: "tabular-classification",
    library: "xgboost",
    type: "gradient-boosted trees with graph features",
    autonomy: "human-on-the-loop",
    usage: ["api", "scheduled"],
    reaches: ["pii", "production-data", "privileged-actions"],
    agents: false,
    metrics: [
      ["precision at 0.5% alert rate", 0.6, 0.8, true],
      ["recall", 0.7, 0.9, true],
      ["false positive rate", 0.002, 0.01, false],
    ],
    data: ["transaction data", "device data", "account data"],
    tools: ["xgboost 2.1", "feast 0.40 (feature store)", "Flink 1.19"],
    risk: ["fairness", "level-of-automation", "Legitimate payments of some customer groups are blocked more often"],
    eu: "minimal",
  },
  {
    key: "forecast",
    noun: "Liquidity Forecasting",
    purpose: "forecast daily cash flows for treasury planning; forecasts are reviewed by treasury analysts before they are used",
    pipeline: "time-series-forecasting",
    library: "sktime",
    type: "ensemble of gradient-boosted and seasonal models",
    autonomy: "assistive",
    usage: ["batch", "scheduled"],
    reaches: ["production-data"],
    agents: false,
    metrics: [
      ["MAPE", 0.03, 0.08, false],
      ["bias", 0.001, 0.01, false],
    ],
    data: ["ledger balances", "payment schedules", "market data"],
    tools: ["sktime 0.31", "statsmodels 0.14", "Airflow 2.9"],
    risk: ["performance", "complexity-of-environment", "Forecast error after a market shock leads to a liquidity shortfall"],
    eu: "minimal",
  },
  {
    key: "screening",
    noun: "CV Screening Assistant",
    purpose: "summarise job applications against the published criteria for recruiters, who make every shortlisting decision",
    pipeline: "summarization",
    library: "transformers",
    type: "instruction-tuned language model with a scoring rubric",
    autonomy: "assistive",
    usage: ["interactive"],
    reaches: ["pii"],
    agents: false,
    metrics: [
      ["rubric agreement with recruiters", 0.8, 0.92, true],
      ["selection-rate ratio across groups", 0.85, 0.98, true],
    ],
    data: ["CVs and application forms", "job descriptions", "recruiter decisions"],
    tools: ["transformers 4.44", "vLLM 0.6", "Argilla 2.1 (annotation)"],
    risk: ["fairness", "machine-learning", "Summaries favour candidates with some backgrounds"],
    eu: "high",
  },
  {
    key: "transcription",
    noun: "Call Transcription and Summaries",
    purpose: "transcribe customer calls and draft summaries that agents check and correct before saving",
    pipeline: "automatic-speech-recognition",
    library: "transformers",
    type: "speech recognition model with a summarisation step",
    autonomy: "human-in-the-loop",
    usage: ["api", "batch"],
    reaches: ["pii", "production-data"],
    agents: false,
    metrics: [
      ["word error rate", 0.06, 0.14, false],
      ["summary acceptance rate", 0.85, 0.95, true],
    ],
    data: ["call audio", "transcripts", "call summaries"],
    tools: ["whisper large-v3", "pyannote 3.1", "transformers 4.44"],
    risk: ["privacy", "machine-learning", "Transcripts capture sensitive details customers did not expect to be stored"],
    eu: "limited",
  },
  {
    key: "marketing",
    noun: "Next Best Offer",
    purpose: "rank product offers for existing customers in the app, within the marketing consent each customer gave",
    pipeline: "tabular-regression",
    library: "scikit-learn",
    type: "contextual bandit over gradient-boosted propensity models",
    autonomy: "autonomous",
    usage: ["api", "scheduled"],
    reaches: ["pii", "production-data"],
    agents: false,
    metrics: [
      ["offer acceptance uplift", 0.02, 0.08, true],
      ["complaint rate per 10k offers", 0.1, 0.6, false],
    ],
    data: ["product holdings", "app usage events", "marketing consents"],
    tools: ["scikit-learn 1.5.2", "Vowpal Wabbit 9.10", "dbt 1.8"],
    risk: ["consumer protection", "level-of-automation", "Offers push unsuitable products to vulnerable customers"],
    eu: "minimal",
  },
];

const ANNEX_A = [
  ["A.2.2", "AI policy"],
  ["A.2.3", "Alignment with other organizational policies"],
  ["A.2.4", "Review of the AI policy"],
  ["A.3.2", "AI roles and responsibilities"],
  ["A.3.3", "Reporting of concerns"],
  ["A.4.2", "Resource documentation"],
  ["A.4.3", "Data resources"],
  ["A.4.4", "Tooling resources"],
  ["A.4.5", "System and computing resources"],
  ["A.4.6", "Human resources"],
  ["A.5.2", "AI system impact assessment process"],
  ["A.5.3", "Documentation of AI system impact assessments"],
  ["A.5.4", "Assessing AI system impact on individuals or groups of individuals"],
  ["A.5.5", "Assessing societal impacts of AI systems"],
  ["A.6.1.2", "Objectives for responsible development of AI system"],
  ["A.6.1.3", "Processes for responsible AI system design and development"],
  ["A.6.2.2", "AI system requirements and specification"],
  ["A.6.2.3", "Documentation of AI system design and development"],
  ["A.6.2.4", "AI system verification and validation"],
  ["A.6.2.5", "AI system deployment"],
  ["A.6.2.6", "AI system operation and monitoring"],
  ["A.6.2.7", "AI system technical documentation"],
  ["A.6.2.8", "AI system recording of event logs"],
  ["A.7.2", "Data for development and enhancement of AI system"],
  ["A.7.3", "Acquisition of data"],
  ["A.7.4", "Quality of data for AI systems"],
  ["A.7.5", "Data provenance"],
  ["A.7.6", "Data preparation"],
  ["A.8.2", "System documentation and information for users"],
  ["A.8.3", "External reporting"],
  ["A.8.4", "Communication of incidents"],
  ["A.8.5", "Information for interested parties"],
  ["A.9.2", "Processes for responsible use of AI systems"],
  ["A.9.3", "Objectives for responsible use of AI system"],
  ["A.9.4", "Intended use of the AI system"],
  ["A.10.2", "Allocating responsibilities"],
  ["A.10.3", "Suppliers"],
  ["A.10.4", "Customers"],
];
const ORG_CONTROLS = [
  ["ORG-LLM-GUARDRAILS", "Guardrails for LLM-based systems"],
  ["ORG-FAIRNESS-TESTING", "Fairness testing of models that affect people"],
];
/** Controls a risk treatment may use: every one is included in the SoA. */
const TREATMENT_CONTROLS = [
  "A.4.5",
  "A.4.6",
  "A.5.4",
  "A.6.2.4",
  "A.6.2.6",
  "A.6.2.8",
  "A.7.4",
  "A.7.5",
  "A.8.2",
  "A.9.2",
  "A.9.3",
  "A.9.4",
  "A.10.2",
  "A.10.3",
  "ORG-LLM-GUARDRAILS",
  "ORG-FAIRNESS-TESTING",
];

const PROCEDURES = [
  ["ai-policy-process", "AI policy management", ["A.2.2", "A.2.3", "A.2.4"]],
  ["ai-roles-and-responsibilities", "AI roles and responsibilities", ["A.3.2", "A.4.6"]],
  ["concern-reporting", "Reporting concerns about AI", ["A.3.3", "A.8.3", "A.8.5"]],
  ["resource-documentation", "Documenting AI resources", ["A.4.2", "A.4.3", "A.4.4", "A.4.5"]],
  ["assessing-ai-impacts", "Assessing AI system impacts", ["A.5.2", "A.5.3", "A.5.4", "A.5.5"]],
  ["ai-lifecycle", "AI system life cycle", ["A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.5"]],
  ["verification-and-validation", "Verification and validation of AI systems", ["A.6.2.4"]],
  ["operations-monitoring-logging", "Operation, monitoring and event logging", ["A.6.2.6", "A.6.2.8"]],
  ["technical-documentation", "Technical documentation and model cards", ["A.6.2.7", "A.8.2"]],
  ["data-management", "Data management for AI", ["A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6"]],
  ["incident-communication", "Communicating AI incidents", ["A.8.4"]],
  ["responsible-use", "Responsible use of AI systems", ["A.9.2", "A.9.3", "A.9.4"]],
  ["supplier-management", "Managing AI suppliers", ["A.10.2", "A.10.3"]],
  ["llm-guardrails", "Guardrails for LLM-based systems", ["ORG-LLM-GUARDRAILS"]],
  ["fairness-testing", "Fairness testing", ["ORG-FAIRNESS-TESTING"]],
];

const SUPPLIER_NAMES = [
  "Nimbus AI",
  "Stratus Cloud",
  "Meridian Bureau",
  "Open Source Components",
  "Quanta Labs",
  "Helix Data",
  "Orion Analytics",
  "Cobalt Speech",
  "Lumen Vision",
  "Atlas Compute",
  "Vega Annotation",
  "Polaris Risk Data",
];

const PHRASES = {
  subject: ["The model", "The system", "The service", "Monitoring", "The owner", "The team", "Validation", "The data pipeline", "The release process", "The review board"],
  verb: ["checks", "records", "reviews", "limits", "reports", "measures", "documents", "tests", "escalates", "explains"],
  object: [
    "drift in the input population",
    "approval-rate gaps between groups",
    "every decline before the customer is told",
    "the top reasons behind each output",
    "changes to upstream data definitions",
    "latency and error budgets",
    "complaints that mention the system",
    "the effect of each retraining",
    "access to personal data",
    "overrides by staff and their reasons",
  ],
  tail: [
    "every month",
    "before each release",
    "against the agreed tolerance",
    "in the quarterly report to the AI Risk Committee",
    "with evidence kept for six years",
    "and raises an incident when a threshold is crossed",
    "using the production configuration",
    "for each supported language",
    "on a held-out sample",
    "within one working day",
  ],
};

function sentence(rng) {
  return `${rng.pick(PHRASES.subject)} ${rng.pick(PHRASES.verb)} ${rng.pick(PHRASES.object)} ${rng.pick(PHRASES.tail)}.`;
}
function paragraph(rng, min, max) {
  const n = rng.int(min, max);
  const out = [];
  for (let i = 0; i < n; i++) out.push(sentence(rng));
  return out.join(" ");
}

const LIKELIHOOD = ["rare", "unlikely", "possible", "likely", "almost-certain"];
const IMPACT = ["negligible", "minor", "moderate", "major", "severe"];
function levelOf(l, i) {
  const s = LIKELIHOOD.indexOf(l) + IMPACT.indexOf(i);
  return s <= 2 ? "low" : s <= 4 ? "medium" : s <= 6 ? "high" : "critical";
}

// ---------------------------------------------------------------------------------------------------------------
// Artefact builders. Each returns plain data; the writer decides YAML, JSON or Markdown.

function docControl(rng, { owner, approver, created }) {
  const approved = rng.date("2026-03-01", "2026-10-31");
  return {
    version: `${rng.int(1, 4)}.${rng.int(0, 9)}.${rng.int(0, 5)}`,
    owner,
    status: "approved",
    approved_by: approver,
    approved_on: approved,
    last_reviewed: rng.date(approved, "2026-11-20"),
    next_review: addMonths(approved, 12),
    created: created ?? rng.date("2024-01-10", "2025-12-20"),
    retention: rng.pick(["P6Y", "P10Y", "P7Y"]),
  };
}

function buildSystem(rng, sys) {
  const a = sys.archetype;
  const approved = rng.date("2026-02-01", "2026-10-15");
  const reviewed = rng.date("2026-09-15", "2026-11-20");
  return {
    kind: "ai-system",
    id: sys.id,
    title: `AI system record - ${sys.name}`,
    name: sys.name,
    version: sys.version,
    owner: sys.owner,
    status: "approved",
    approved_by: sys.approver,
    approved_on: approved,
    last_reviewed: reviewed,
    next_review: addMonths(approved, 12),
    created: rng.date("2024-01-10", "2025-12-20"),
    retention: "P10Y",
    change_summary: paragraph(rng, 1, 2),
    description: `${sys.name} is used by ${sys.unitName} to ${a.purpose}. ${paragraph(rng, 2, 4)}`,
    intended_purpose: `${a.purpose[0].toUpperCase()}${a.purpose.slice(1)}, for ${sys.unitName} in ${sys.jurisdictions.join(" and ")}. Not for any other purpose without a new impact assessment.`,
    organisation_role: a.agents ? "deployer" : "provider",
    lifecycle_stage: "operation",
    in_scope: true,
    autonomy: a.autonomy,
    data_categories: a.data,
    personal_data: true,
    special_category_data: false,
    datasets: sys.datasets.map((d) => d.id),
    tooling: a.tools,
    compute: `Training and serving on Stratus Cloud in ${rng.pick(["London", "Dublin", "Frankfurt", "Amsterdam"])}; ${rng.int(2, 8)} containers with autoscaling.`,
    team: [
      { role: "system owner", name: `${sys.owner} (${sys.unitName})` },
      { role: "model developer", name: `${sys.unitName} data science team (${rng.int(2, 9)} people)` },
      { role: "independent validator", name: "Model Validation team" },
      { role: "platform operations", name: "ML Platform team" },
    ],
    third_party_components: [
      ...sys.suppliers.map((s, i) => ({
        name: `${s.name} ${["platform", "model API", "data feed", "library"][i % 4]}`,
        type: ["service", "api", "dataset", "library"][i % 4],
        version: `${rng.int(1, 5)}.${rng.int(0, 20)}.${rng.int(0, 9)}`,
        supplier: s.id,
        upstream_review: rng.pick(["monthly", "quarterly"]),
        last_reviewed: rng.date("2026-09-01", "2026-11-20"),
      })),
      // The AI actions and packages its AI use in the repository runs on (system/ai-components-recorded).
      ...(sys.ai?.components ?? []),
    ],
    deployment: {
      environment: `production, Stratus Cloud ${rng.pick(["London", "Dublin", "Frankfurt"])}`,
      plan: sys.planPath,
      approved_by: sys.approver,
      approved_on: addDays(approved, -7),
      date: approved,
    },
    ...automationOf(sys),
    access_scope: {
      permissions: [`${sys.slug}:read-input`, `${sys.slug}:write-output`, "customer-master:none"],
      policy_owner: "ciso",
      reviewed_on: rng.date("2026-08-01", "2026-11-20"),
    },
    cost_budget: {
      amount: rng.int(5, 200) * 100,
      currency: rng.pick(["GBP", "EUR"]),
      period: "month",
      alert: { threshold_percent: rng.pick([75, 80, 90]), channel: `#${sys.slug}-ops` },
    },
    generated_output: {
      reaches_production: true,
      human_review: paragraph(rng, 2, 3),
      test_evidence: [sys.reportPath],
    },
    monitoring: {
      what: rng.some(PHRASES.object, 4),
      frequency: "daily dashboard, monthly performance pack, quarterly fairness report",
      owner: sys.owner,
    },
    logging: { enabled: true, phases: ["validation", "deployment", "operation"], retention_days: rng.pick([365, 400, 730]) },
    feedback_channel: `Customers use the complaints form; staff flag doubtful outputs in the ${sys.unitName} console; concerns go to the AI concerns mailbox.`,
    incident_comms_plan: "docs/procedures/incident-communication.md",
    reporting_obligations: ["Data protection regulators - personal data breaches within 72 hours", "Financial regulator - material failures affecting customers without delay"],
    jurisdictions: sys.jurisdictions,
    eu_ai_act: { role: a.agents ? "deployer" : "provider", risk_class: a.eu },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// AI use in the repository (docs/ai-use.md): workflows that run AI, an agent configuration, AI SDKs in dependency
// manifests, and what the AI system records say of them (`ai_use`, `automation`, `third_party_components`). Drawn
// from streams of their own: besides the new files, only the AI system records, the open-source supplier's systems
// and the services' package.json differ from what generator v1 wrote for the same seed.

/** Actions the workflows use, pinned to a commit with the tag in a comment, as Dependabot leaves them. */
const ACTIONS = {
  checkout: "actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0",
  setupPython: "actions/setup-python@0b93645e9fea7318ecaed2b359559ac225c90a2b # v5.3.0",
  setupNode: "actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.1.0",
  upload: "actions/upload-artifact@b4b15b8c7c6ac21ea08fcf65892d2ee8f75cf882 # v4.4.3",
};
/** AI actions of the catalogue: [owner/name, commit, tag, what the component is called]. */
const AI_ACTIONS = {
  claude: ["anthropics/claude-code-action", "8a1c3f0e2b9d4c7a6e5f1d2c3b4a59687f0e1d2c", "v1.0.3", "Claude Code GitHub Action"],
  inference: ["actions/ai-inference", "b81b2afb8390ee6839b494a404766bef6493c7d9", "v1.2.0", "GitHub Models inference action"],
};
/** AI packages of the catalogue: [name, exact version, what the component is called]. */
const PYPI_AI = {
  openai: ["openai", "1.54.3", "OpenAI Python SDK"],
  anthropic: ["anthropic", "0.39.0", "Anthropic Python SDK"],
  langgraph: ["langgraph", "0.2.39", "LangGraph"],
  "langchain-openai": ["langchain-openai", "0.2.3", "LangChain OpenAI integration"],
  "langchain-anthropic": ["langchain-anthropic", "0.2.4", "LangChain Anthropic integration"],
  transformers: ["transformers", "4.44.2", "Hugging Face Transformers"],
  "huggingface-hub": ["huggingface-hub", "0.25.2", "Hugging Face Hub client"],
  vllm: ["vllm", "0.6.3", "vLLM inference engine"],
};
const NPM_AI = {
  openai: ["openai", "4.67.3", "OpenAI Node SDK"],
  anthropic: ["@anthropic-ai/sdk", "0.32.1", "Anthropic TypeScript SDK"],
  langgraph: ["@langchain/langgraph", "0.2.19", "LangGraph.js"],
  langchain: ["@langchain/core", "0.3.15", "LangChain.js core"],
  hf: ["@huggingface/inference", "2.8.1", "Hugging Face Inference client"],
};
/** Other pinned Python packages, none of them an AI SDK of the catalogue (such a manifest is read, never parsed). */
const PYPI_PLAIN = {
  assistant: [
    ["pydantic", "2.9.2"],
    ["pgvector", "0.3.5"],
    ["httpx", "0.27.2"],
  ],
  screening: [
    ["torch", "2.4.1"],
    ["pydantic", "2.9.2"],
  ],
  transcription: [
    ["torch", "2.4.1"],
    ["pyannote.audio", "3.1.1"],
  ],
  "doc-classifier": [
    ["torch", "2.4.1"],
    ["pytesseract", "0.3.13"],
    ["pillow", "10.4.0"],
  ],
  scoring: [
    ["lightgbm", "4.5.0"],
    ["scikit-learn", "1.5.2"],
    ["shap", "0.46.0"],
    ["mlflow", "2.16.2"],
  ],
  fraud: [
    ["xgboost", "2.1.2"],
    ["feast", "0.40.1"],
    ["pandas", "2.2.3"],
  ],
  forecast: [
    ["sktime", "0.31.0"],
    ["statsmodels", "0.14.4"],
    ["pandas", "2.2.3"],
  ],
  marketing: [
    ["scikit-learn", "1.5.2"],
    ["vowpalwabbit", "9.10.0"],
    ["pandas", "2.2.3"],
  ],
};
/** Archetypes built on AI SDKs: their model folder and their service depend on some. */
const AI_ARCHETYPES = new Set(["assistant", "screening", "transcription", "doc-classifier"]);

const usesOf = (key, pinned = true) => {
  const [action, sha, tag] = AI_ACTIONS[key];
  return pinned ? `${action}@${sha} # ${tag}` : `${action}@${tag}`;
};

/** An open range for an exact version: what someone who never pinned would write. */
const openRange = (ecosystem, version) => (ecosystem === "npm" ? `^${version}` : `>=${version.split(".").slice(0, 2).join(".")}`);

/**
 * The AI use of each system: which files it has, how the record covers them, and the deliberate AI-use problems
 * (drawn at the problem rate from a stream of their own). Sets `sys.ai`, which buildSystem() and the services read;
 * returns the files to write, each with the problem it carries.
 */
function planAiUse(arng, aprng, problemRate, systems, serviceSystems, oss) {
  const files = [];
  const problem = (list) => (aprng.chance(problemRate) ? aprng.pick(list) : undefined);
  const mcpOwner = systems.find((s) => s.archetype.key === "assistant") ?? systems[0];
  for (const sys of systems) {
    const key = sys.archetype.key;
    const mdir = `models/${sys.unit}/${sys.slug}`;
    const ai = { paths: [], components: [], ci: false, writes: false, agents: false };
    const component = (label, name, type, version) => {
      if (ai.components.some((c) => c.name === `${label} (${name})`)) return;
      ai.components.push({
        name: `${label} (${name})`,
        type,
        version,
        supplier: oss.id,
        upstream_review: arng.pick(["monthly", "quarterly"]),
        last_reviewed: arng.date("2026-09-01", "2026-11-20"),
      });
      if (!oss.systems.includes(sys.id)) oss.systems.push(sys.id);
    };
    const openai = arng.chance(0.6);
    // --- the model folder's Python manifest.
    const pyAi =
      key === "assistant"
        ? [PYPI_AI.langgraph, openai ? PYPI_AI["langchain-openai"] : PYPI_AI["langchain-anthropic"], openai ? PYPI_AI.openai : PYPI_AI.anthropic]
        : key === "screening"
          ? [PYPI_AI.transformers, PYPI_AI.vllm, PYPI_AI["huggingface-hub"]]
          : AI_ARCHETYPES.has(key)
            ? [PYPI_AI.transformers, PYPI_AI["huggingface-hub"]]
            : [];
    const hasPy = key === "assistant" || (pyAi.length > 0 ? arng.chance(0.7) : arng.chance(0.3));
    let pyManifest;
    if (hasPy) {
      const form = pyAi.length === 0 ? "requirements" : arng.pick(["requirements", "requirements", "pyproject-pinned", "pyproject-uv"]);
      const path = `${mdir}/${form === "requirements" ? "requirements.txt" : "pyproject.toml"}`;
      const p = pyAi.length > 0 ? problem([["ai-use", "open range without a lock"]]) : undefined;
      const loose = p ? arng.int(0, pyAi.length - 1) : -1;
      const plain = PYPI_PLAIN[key];
      let text;
      if (form === "requirements") {
        const lines = [...pyAi.map(([n, v], i) => `${n}${i === loose ? openRange("pypi", v) : `==${v}`}`), ...plain.map(([n, v]) => `${n}==${v}`)].sort();
        text = `# Runtime dependencies of ${sys.slug}: \`pip-compile requirements.in\` writes this file; do not edit it by hand.\n${lines.join("\n")}\n`;
      } else {
        const uv = form === "pyproject-uv";
        const spec = (v) => (uv ? `>=${v},<${v.split(".")[0]}.${Number(v.split(".")[1]) + 1}` : `==${v}`);
        const deps = [...pyAi.map(([n, v], i) => `${n}${i === loose && !uv ? openRange("pypi", v) : spec(v)}`), ...plain.map(([n, v]) => `${n}${spec(v)}`)];
        text = [
          "[project]",
          `name = "${sys.slug}"`,
          `version = "${sys.version}"`,
          `description = "${sys.name}"`,
          'requires-python = ">=3.11"',
          "dependencies = [",
          ...deps.map((d) => `    "${d}",`),
          "]",
          "",
          "[dependency-groups]",
          `dev = ["pytest${spec("8.3.3")}", "ruff${spec("0.7.1")}"]`,
          "",
          "[tool.uv]",
          "package = false",
          "",
        ].join("\n");
        // With uv, the lock file fixes the ranges; the problem is a lock file never committed.
        if (uv && !p) files.push({ path: `${mdir}/uv.lock`, text: uvLock(arng, [...pyAi, ...plain]) });
      }
      const what = p && (form === "pyproject-uv" ? "ranges, uv.lock not committed" : pyAi[loose][0]);
      files.push({ path, text, kind: "dependency-manifest", artefact: pyAi.length > 0, problem: p && [p[0], `${p[1]}: ${what}`] });
      if (pyAi.length > 0) {
        for (const [n, v, label] of pyAi) component(label, n, "library", v);
        pyManifest = path;
        ai.paths.push(arng.chance(0.5) ? `${mdir}/**` : path);
      }
    }
    // --- the evaluation workflow.
    const wf = key === "assistant" ? "assistant" : key === "screening" && arng.chance(0.4) ? "screening" : key === "transcription" && arng.chance(0.3) ? "transcription" : undefined;
    if (wf) {
      const path = `.github/workflows/${sys.slug}-eval.yml`;
      const review = wf === "assistant" && arng.chance(0.5);
      const aiAction = review ? "claude" : wf === "screening" ? "inference" : undefined;
      const list = [
        ["ai-use", "uncovered workflow"],
        ["ai-use", "AI job without timeout-minutes"],
      ];
      if (aiAction) list.push(["ai-use", "AI action not pinned to a commit"]);
      const p = problem(list);
      const text = workflowText(arng, sys, { wf, review, openai, pyManifest, mdir, problem: p?.[1] });
      files.push({ path, text, kind: "ci-workflow", artefact: true, problem: p });
      if (p?.[1] !== "uncovered workflow") ai.paths.push(path);
      ai.ci = true;
      if (review) {
        ai.writes = true;
        ai.agents = true;
      }
      if (aiAction) component(AI_ACTIONS[aiAction][3], AI_ACTIONS[aiAction][0], "tool", AI_ACTIONS[aiAction][1]);
    }
    // --- the service's package.json (written with the services).
    if (serviceSystems.has(sys) && AI_ARCHETYPES.has(key)) {
      const deps = key === "assistant" ? [openai ? NPM_AI.openai : NPM_AI.anthropic, NPM_AI.langgraph, NPM_AI.langchain] : [NPM_AI.hf];
      const lock = arng.chance(0.5);
      const p = problem([["ai-use", "open range without a lock"]]);
      const loose = p ? arng.int(0, deps.length - 1) : -1;
      // Exact pins, or ranges with the lock file beside them; the problem: a range and no lock file.
      const spec = (v, i) => (i === loose || (lock && !p) ? openRange("npm", v) : v);
      const path = `services/${sys.slug}-api/package.json`;
      ai.service = { path, deps: deps.map(([n, v], i) => [n, spec(v, i), v]), lock: lock && !p, problem: p && [p[0], `${p[1]}: ${deps[Math.max(0, loose)][0]}`] };
      for (const [n, v, label] of deps) component(label, n, "library", v);
      ai.paths.push(arng.chance(0.5) ? `services/${sys.slug}-api/**` : path);
    }
    if (sys === mcpOwner) {
      ai.paths.push(".mcp.json");
      ai.agents = true;
      files.push({ path: ".mcp.json", text: mcpText(), kind: "agent-config", artefact: true });
    }
    if (ai.paths.length > 0 || ai.components.length > 0 || ai.ci) sys.ai = ai;
  }
  return files;
}

/** `automation` as the archetype has it, widened by what the system's AI use in the repository shows; then `ai_use`. */
function automationOf(sys) {
  const a = sys.archetype;
  const ai = sys.ai;
  if (!ai) return { automation: { agents: a.agents, usage: a.usage, reaches: a.reaches } };
  const usage = ai.ci && !a.usage.includes("ci") ? [...a.usage, "ci"] : a.usage;
  const reaches = ai.writes && !a.reaches.includes("privileged-actions") ? [...a.reaches, "privileged-actions"] : a.reaches;
  return { automation: { agents: a.agents || ai.agents, usage, reaches }, ...(ai.paths.length > 0 ? { ai_use: { paths: ai.paths } } : {}) };
}

function workflowText(arng, sys, { wf, review, openai, pyManifest, mdir, problem }) {
  const timeout = (minutes) => (problem === "AI job without timeout-minutes" ? "" : `    timeout-minutes: ${minutes}\n`);
  const install = pyManifest?.endsWith("requirements.txt") ? `pip install -r ${pyManifest}` : `pip install ./${mdir}`;
  const head = `# Evaluation of ${sys.name} (${sys.id}); results go to the validation report.\nname: eval ${sys.slug}\n`;
  const setup = `      - uses: ${ACTIONS.checkout}\n        with:\n          persist-credentials: false\n      - uses: ${ACTIONS.setupPython}\n        with:\n          python-version: "3.12"\n`;
  if (wf === "assistant") {
    const key = openai ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY";
    let text =
      head +
      `on:\n  pull_request:\n    paths:\n      - "${mdir}/**"\n  workflow_dispatch:\npermissions:\n  contents: read\nconcurrency:\n  group: eval-${sys.slug}-\${{ github.ref }}\n  cancel-in-progress: true\n` +
      `jobs:\n  eval:\n    runs-on: ubuntu-latest\n${timeout(arng.pick([20, 30, 45]))}    env:\n      ${key}: \${{ secrets.${key} }}\n    steps:\n${setup}` +
      `      - uses: ${ACTIONS.setupNode}\n        with:\n          node-version: "20"\n      - run: ${install}\n` +
      `      - run: npx --yes promptfoo@0.90.0 eval --config ${mdir}/eval/promptfooconfig.yaml --output eval-results.json --max-concurrency ${arng.int(2, 8)}\n` +
      `      - uses: ${ACTIONS.upload}\n        with:\n          name: eval-${sys.slug}\n          path: eval-results.json\n`;
    if (review) {
      text +=
        `  review-prompts:\n    if: github.event_name == 'pull_request'\n    needs: eval\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    permissions:\n      contents: read\n      pull-requests: write\n    steps:\n` +
        `      - uses: ${ACTIONS.checkout}\n        with:\n          persist-credentials: false\n` +
        `      - uses: ${usesOf("claude", problem !== "AI action not pinned to a commit")}\n        with:\n          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}\n` +
        `          prompt: Review the changes to the prompts and tools of ${sys.name} against ${mdir}/model-card and the limits in its impact assessment ${sys.iaId}.\n` +
        `          claude_args: --model claude-sonnet-4-5-20250929 --max-turns ${arng.int(4, 10)}\n`;
    }
    return text;
  }
  if (wf === "screening") {
    return (
      head +
      `on:\n  workflow_dispatch:\n    inputs:\n      sample:\n        description: Number of anonymised applications to summarise\n        default: "${arng.pick([100, 200, 500])}"\npermissions:\n  contents: read\n` +
      `jobs:\n  rubric-agreement:\n    runs-on: ubuntu-latest\n    environment: model-evaluation\n${timeout(arng.pick([30, 45, 60]))}    permissions:\n      contents: read\n      models: read\n    steps:\n${setup}` +
      `      - run: ${install}\n      - run: python ${mdir}/eval/sample.py --size "\${{ inputs.sample }}" --out sample.jsonl\n` +
      `      - id: judge\n        uses: ${usesOf("inference", problem !== "AI action not pinned to a commit")}\n        with:\n          model: openai/gpt-4o-2024-08-06\n          prompt-file: ${mdir}/eval/rubric-judge.prompt.yml\n` +
      `      - run: python ${mdir}/eval/agreement.py --judgement "\${{ steps.judge.outputs.response-file }}"\n`
    );
  }
  return (
    head +
    `on:\n  schedule:\n    - cron: "${arng.int(0, 59)} ${arng.int(1, 5)} * * 1"\n  workflow_dispatch:\npermissions:\n  contents: read\n` +
    `jobs:\n  word-error-rate:\n    runs-on: ubuntu-latest\n${timeout(arng.pick([30, 40, 60]))}    steps:\n${setup}      - run: ${install}\n` +
    `      - run: python -m evaluate_wer --model-dir ${mdir} --sample ${arng.pick([250, 500, 1000])}\n        env:\n          HF_TOKEN: \${{ secrets.HF_TOKEN }}\n`
  );
}

function mcpText() {
  const config = {
    mcpServers: {
      github: {
        command: "docker",
        args: ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:v0.20.1"],
        env: { GITHUB_PERSONAL_ACCESS_TOKEN: "${GITHUB_PAT}" },
      },
      "governance-files": { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "governance", "docs"] },
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function uvLock(arng, packages) {
  const out = ["version = 1", 'requires-python = ">=3.11"', ""];
  for (const [n, v] of [...packages].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const file = n.replace(/[-.]/g, "_");
    out.push(
      "[[package]]",
      `name = "${n}"`,
      `version = "${v}"`,
      'source = { registry = "https://pypi.org/simple" }',
      `wheels = [{ url = "https://files.pythonhosted.org/packages/${file}-${v}-py3-none-any.whl", hash = "sha256:${arng.bytes(32).toString("hex")}" }]`,
      "",
    );
  }
  return out.join("\n");
}

function packageLock(arng, name, deps) {
  const packages = { "": { name, version: "1.0.0", dependencies: Object.fromEntries(deps.map(([n, spec]) => [n, spec])) } };
  for (const [n, , v] of deps) {
    packages[`node_modules/${n}`] = {
      version: v,
      resolved: `https://registry.npmjs.org/${n}/-/${n.replace(/^@[^/]+\//, "")}-${v}.tgz`,
      integrity: `sha512-${arng.bytes(64).toString("base64")}`,
      license: n === "fastify" ? "MIT" : "Apache-2.0",
    };
  }
  return `${JSON.stringify({ name, version: "1.0.0", lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

function buildRisk(rng, sys, risk, inRegister) {
  const a = sys.archetype;
  const il = rng.pick(["possible", "likely", "almost-certain"]);
  const ii = rng.pick(["moderate", "major", "severe"]);
  const rl = LIKELIHOOD[Math.max(0, LIKELIHOOD.indexOf(il) - rng.int(1, 2))];
  const ri = IMPACT[Math.max(0, IMPACT.indexOf(ii) - rng.int(0, 1))];
  const assessed = rng.date("2026-02-01", "2026-10-31");
  const topic = risk.index === 0 ? a.risk : rng.pick(ARCHETYPES).risk;
  const entry = {
    id: risk.id,
    title: `${topic[2]} (${sys.name}, ${risk.index + 1})`,
    description: paragraph(rng, 2, 4),
    system: sys.id,
    source: topic[1],
    category: topic[0],
    affected: rng.some(["individuals", "groups", "organisation", "society"], rng.int(2, 4)),
    inherent: { likelihood: il, impact: ii, level: levelOf(il, ii) },
    residual: { likelihood: rl, impact: ri, level: levelOf(rl, ri) },
    treatment: {
      option: "mitigate",
      controls: rng.some(TREATMENT_CONTROLS, rng.int(2, 5)),
      owner: sys.owner,
      due: rng.date("2026-06-01", "2027-06-30"),
      status: rng.pick(["implemented", "verified", "in-progress"]),
      effectiveness: { checked_on: rng.date(assessed, "2026-11-20"), result: paragraph(rng, 1, 2) },
    },
    owner: sys.owner,
    status: "monitoring",
    acceptance: { by: "ai-governance-lead", on: addDays(assessed, rng.int(3, 20)), rationale: paragraph(rng, 1, 2) },
    impact_assessment: sys.iaId,
    assessed_on: assessed,
    next_review: addMonths(assessed, 12),
    taxonomy: [rng.pick(["mit:1.1", "mit:2.2", "mit:3.1", "mit:5.1", "mit:6.2", "mit:7.3", "owasp-llm:LLM01:2025", "owasp-llm:LLM09:2025"])],
  };
  if (inRegister) return entry;
  const doc = { kind: "risk", ...entry };
  // A stand-alone risk file carries its own document control (the register carries it for its entries).
  const { version, approved_by, approved_on, last_reviewed, created, retention } = docControl(rng, { owner: sys.owner, approver: "ai-governance-lead" });
  Object.assign(doc, { version, approved_by, approved_on, last_reviewed, created, retention });
  // Risk `status` is the risk status; keep key order close to how people write it.
  return doc;
}

function buildRegister(rng, sys, entries) {
  return {
    kind: "risk-register",
    id: `RR-${sys.code}`,
    title: `AI risk register - ${sys.name}`,
    ...docControl(rng, { owner: sys.owner, approver: "chief-risk-officer" }),
    change_summary: paragraph(rng, 1, 2),
    risks: entries,
  };
}

function impact(rng, _sys, id, area, risks, group) {
  const severity = rng.pick(["minor", "moderate", "major"]);
  const out = {
    id,
    area,
    type: "harm",
    ...(group ? { group } : {}),
    description: paragraph(rng, 1, 2),
    severity,
    likelihood: rng.pick(["unlikely", "possible", "likely"]),
    mitigations: [sentence(rng), sentence(rng)],
  };
  // Every major harm feeds a risk (ia/feeds-risks); others often do.
  if (severity === "major" || rng.chance(0.6)) out.risk = rng.pick(risks).id;
  return out;
}

function buildImpactAssessment(rng, sys) {
  const n = (i) => `IMP-${sys.code}-${String(i).padStart(2, "0")}`;
  let k = 1;
  const control = docControl(rng, { owner: "ai-governance-lead", approver: "chief-risk-officer" });
  return {
    kind: "impact-assessment",
    id: sys.iaId,
    title: `Impact assessment - ${sys.name} ${sys.version}`,
    ...control,
    change_summary: paragraph(rng, 1, 2),
    system: sys.id,
    system_version: sys.version,
    purpose: `Assessment before deployment of ${sys.name} ${sys.version}, as the impact assessment procedure requires for a significant change.`,
    context: {
      technical: paragraph(rng, 2, 3),
      societal: paragraph(rng, 2, 3),
      jurisdictions: sys.jurisdictions,
    },
    intended_use: `${sys.archetype.purpose[0].toUpperCase()}${sys.archetype.purpose.slice(1)}.`,
    foreseeable_misuse: [sentence(rng), sentence(rng), sentence(rng)],
    affected_parties: {
      individuals: ["customers and applicants", "staff who act on the outputs"],
      groups: ["younger and older customers", "customers with thin records", "customers in vulnerable circumstances"],
      society: ["access to financial services", "trust in automated decisions"],
    },
    impacts: {
      individuals: [
        impact(rng, sys, n(k++), "financial", sys.risks),
        impact(rng, sys, n(k++), "transparency", sys.risks),
        impact(rng, sys, n(k++), "privacy", sys.risks),
        { id: n(k++), area: "safety", none_identified: true, description: "No physical safety impact identified.", reason: "The system controls no physical process." },
      ],
      groups: [impact(rng, sys, n(k++), "fairness", sys.risks, "younger and older customers"), impact(rng, sys, n(k++), "accessibility", sys.risks, "customers with thin records")],
      society: [
        impact(rng, sys, n(k++), "economy", sys.risks),
        { id: n(k++), area: "environment", none_identified: true, description: "No material environmental impact identified.", reason: "Training and serving use a few small containers." },
      ],
    },
    assessor: "ai-governance-lead",
    // Approved after it was carried out (ia/approved); one draw, as before, so the rest of the corpus is unchanged.
    assessed_on: addDays(control.approved_on, -rng.int(3, 30)),
    triggers: ["model-retrain", "new-data-source", "new-jurisdiction"],
  };
}

function metricsOf(rng, a) {
  return a.metrics.map(([name, lo, hi, higher]) => {
    const threshold = +(higher ? lo : hi).toFixed(4);
    const value = +(higher ? lo + (hi - lo) * (0.3 + 0.7 * rng.next()) : lo + (hi - lo) * 0.7 * rng.next()).toFixed(4);
    return { name, value, threshold, higher_is_better: higher };
  });
}

function buildModelCard(rng, sys, { hub }) {
  const a = sys.archetype;
  const metrics = metricsOf(rng, a);
  const card = {};
  if (!hub) card.kind = "model-card";
  Object.assign(card, {
    id: sys.mcId,
    title: `Model card - ${sys.name} ${sys.version}`,
    ...docControl(rng, { owner: sys.owner, approver: "model-validation-lead" }),
    system: sys.id,
    impact_assessment: sys.iaId,
    license: "other",
    license_name: "internal-proprietary",
    language: sys.jurisdictions.includes("DE") ? ["en", "de"] : "en",
    library_name: a.library,
    pipeline_tag: a.pipeline,
    tags: [a.key, sys.unit, `eu-ai-act-${a.eu}-risk`],
    metrics: [metrics[0].name.replace(/\W+/g, "_")],
    "model-index": [
      {
        name: `${sys.slug}-${sys.version}`,
        results: [
          {
            task: { type: a.pipeline, name: a.noun },
            dataset: { type: `internal/${sys.datasets[0].slug}`, name: sys.datasets[0].title, split: "test", revision: "1.0.0" },
            metrics: [{ type: metrics[0].name.replace(/\W+/g, "_"), value: metrics[0].value, name: metrics[0].name }],
            source: { url: `https://intranet.example/models/${sys.slug}/validation/${sys.version}`, name: `Validation report ${sys.version}` },
          },
        ],
      },
    ],
    model_details: {
      name: sys.name,
      version: sys.version,
      type: a.type,
      developed_by: `${sys.unitName} data science team`,
      license: "Proprietary, internal use only",
      base_model: a.agents ? "nimbus-ai/nimbus-chat-4" : "none (trained from scratch)",
      architecture: paragraph(rng, 2, 3),
      contact: `${sys.slug}@example.com`,
    },
    intended_use: [`${a.purpose[0].toUpperCase()}${a.purpose.slice(1)}.`, sentence(rng)],
    out_of_scope_use: ["Any decision about people outside the documented population.", "Use in another product or country without a new validation.", sentence(rng)],
    intended_users: [`${sys.unitName} staff`, "Model Validation and Risk teams"],
    training_data: [{ dataset: sys.datasets[0].id, description: paragraph(rng, 1, 1), link: sys.datasets[0].path }],
    // Evaluated on the system's evaluation data card when it has one, else on a held-out sample named in words.
    evaluation: {
      data: [
        sys.datasets[1]
          ? { dataset: sys.datasets[1].id, description: "Held-out test sample kept by Model Validation.", link: sys.datasets[1].path }
          : { description: "Held-out test sample kept by Model Validation, drawn before training." },
      ],
      metrics,
      group_performance: [
        { group: "younger customers", metric: metrics[0].name, value: metrics[0].value, note: sentence(rng) },
        { group: "older customers", metric: metrics[0].name, value: metrics[0].value, note: sentence(rng) },
      ],
    },
    limitations: [sentence(rng), sentence(rng), sentence(rng)],
    bias_considerations: [sentence(rng), sentence(rng)],
    human_oversight: paragraph(rng, 2, 3),
    ethical_considerations: [
      { name: "Use of data that correlates with protected characteristics", mitigation: sentence(rng) },
      { name: "Explainability of outputs", mitigation: sentence(rng) },
    ],
  });
  return card;
}

function modelCardBody(rng, sys) {
  return [
    `# Model Card for ${sys.name} ${sys.version}`,
    "",
    `${sys.name} helps ${sys.unitName} ${sys.archetype.purpose}.`,
    "",
    "## Model Details",
    "",
    "### Model Description",
    "",
    `- **Developed by:** ${sys.unitName} data science team`,
    `- **Model type:** ${sys.archetype.type}`,
    "- **License:** proprietary",
    "",
    "## Uses",
    "",
    "### Direct Use",
    "",
    paragraph(rng, 2, 3),
    "",
    "### Out-of-Scope Use",
    "",
    paragraph(rng, 1, 2),
    "",
    "## Bias, Risks, and Limitations",
    "",
    paragraph(rng, 3, 5),
    "",
    "## Training Details",
    "",
    paragraph(rng, 2, 4),
    "",
    "## Evaluation",
    "",
    "| metric | value | threshold |",
    "|---|---|---|",
    "| primary | see front matter | see front matter |",
    "",
    paragraph(rng, 2, 3),
    "",
  ].join("\n");
}

function buildDataCard(rng, ds, { hub }) {
  const card = {};
  if (!hub) card.kind = "data-card";
  Object.assign(card, {
    id: ds.id,
    title: `Data card - ${ds.title}`,
    pretty_name: ds.title,
    ...docControl(rng, { owner: ds.owner, approver: "data-protection-officer" }),
    license: "other",
    license_name: "internal",
    license_link: "https://intranet.example/data/licences/internal-use",
    language: "en",
    size_categories: rng.pick(["10K<n<100K", "100K<n<1M", "1M<n<10M"]),
    ...(hub ? { task_categories: [ds.task], annotations_creators: ["expert-generated"], source_datasets: ["original"] } : {}),
    source: paragraph(rng, 1, 2),
    acquisition_method: paragraph(rng, 1, 2),
    collected_on: rng.date("2025-01-01", "2026-06-30"),
    provenance: [
      { event: "creation", date: rng.date("2025-01-01", "2025-06-30"), by: "data-engineering-team", description: sentence(rng) },
      { event: "abstraction", date: rng.date("2025-07-01", "2025-12-31"), by: "data-engineering-team", description: "Direct identifiers removed and replaced by a keyed hash." },
      { event: "validation", date: rng.date("2026-01-01", "2026-06-30"), by: "model-validation-team", description: sentence(rng) },
    ],
    quality: {
      requirements: ["Completeness of mandatory fields at least 99%", "No duplicate records", "Each group represented by at least 2% of records"],
      results: [`Completeness ${(99 + rng.next()).toFixed(1)}%`, `${rng.int(0, 900)} duplicates removed`, `Smallest group ${(2 + rng.next() * 3).toFixed(1)}% of records`],
    },
    preparation: [
      { method: "cleaning", criteria: sentence(rng) },
      { method: "labelling", criteria: sentence(rng) },
    ],
    intended_use: `Development and retraining of ${ds.systemName} (${ds.systemId}) only.`,
    personal_data: true,
    legal_basis: "UK GDPR / GDPR Art. 6(1)(f), legitimate interest, balanced in a documented assessment; data minimised and access restricted.",
    bias: { examination: paragraph(rng, 1, 2), mitigation: paragraph(rng, 1, 2) },
    data_subjects: "Customers and applicants in the jurisdictions the system serves.",
    quantity: `${rng.int(10, 900)},${String(rng.int(0, 999)).padStart(3, "0")} records`,
    splits: [
      { name: "train", size: rng.int(10000, 500000), description: "Random 80%, stratified by outcome." },
      { name: "test", size: rng.int(2000, 100000), description: "Remaining 20%, held by Model Validation." },
    ],
    systems: [ds.systemId],
  });
  return card;
}

function dataCardBody(rng, ds) {
  return [
    `# Dataset Card for ${ds.title}`,
    "",
    "## Dataset Details",
    "",
    paragraph(rng, 2, 4),
    "",
    "## Uses",
    "",
    "### Direct Use",
    "",
    paragraph(rng, 1, 2),
    "",
    "## Dataset Structure",
    "",
    paragraph(rng, 2, 3),
    "",
    "## Dataset Creation",
    "",
    paragraph(rng, 2, 4),
    "",
  ].join("\n");
}

function buildSupplier(rng, sup) {
  const assessed = rng.date("2026-03-01", "2026-10-31");
  return {
    kind: "supplier",
    id: sup.id,
    title: `Supplier record - ${sup.name}`,
    name: sup.name,
    ...docControl(rng, { owner: "procurement-lead", approver: "chief-operating-officer" }),
    next_review: addMonths(assessed, 12),
    supplies: rng.some(["model", "data", "tool", "service", "compute"], rng.int(1, 3)),
    responsibilities: [
      { area: "model and data quality", organisation: sentence(rng), supplier: sentence(rng) },
      { area: "incidents and changes", organisation: sentence(rng), supplier: sentence(rng) },
    ],
    assessment: { on: assessed, by: "third-party-risk-team", result: rng.pick(["approved", "conditional"]) },
    systems: sup.systems.length > 0 ? sup.systems : [],
    contract: { incident_notice_days: rng.int(1, 5), documentation: paragraph(rng, 1, 2), audit_rights: true },
    review_cadence: "quarterly",
  };
}

function buildSoa(rng, procedurePaths) {
  const controls = [...ANNEX_A, ...ORG_CONTROLS].map(([control, title]) => {
    if (control === "A.10.4") {
      return {
        control,
        title,
        applicable: "excluded",
        justification: "The organisation provides no AI systems to customers as products; it only uses them itself.",
        exclusion_basis: "organisation-role",
      };
    }
    return {
      control,
      title,
      applicable: "included",
      justification: paragraph(rng, 1, 2),
      scope: "all",
      status: "implemented",
      evidence: [procedurePaths.get(control)],
      owner: "ai-governance-lead",
    };
  });
  return {
    kind: "statement-of-applicability",
    id: "SOA-MAIN",
    title: "Statement of Applicability (ISO/IEC 42001:2023 Annex A)",
    ...docControl(rng, { owner: "ai-governance-lead", approver: "chief-executive-officer" }),
    controls,
  };
}

function buildPolicy(rng) {
  return {
    kind: "ai-policy",
    id: "POL-AI",
    title: "Artificial Intelligence Policy",
    ...docControl(rng, { owner: "ai-governance-lead", approver: "chief-executive-officer" }),
    purpose: paragraph(rng, 4, 6),
    objectives_framework: paragraph(rng, 2, 4),
    commitments: { applicable_requirements: paragraph(rng, 2, 3), continual_improvement: paragraph(rng, 2, 3) },
    related_policies: [
      { title: "Information Security Policy", ref: "https://intranet.example/policies/information-security" },
      { title: "Data Protection Policy", ref: "https://intranet.example/policies/data-protection" },
      { title: "Model Risk Management Policy", ref: "https://intranet.example/policies/model-risk" },
    ],
    distribution: "Published on the intranet, acknowledged in annual training, summarised on the public website.",
    concern_channel: "ai-concerns@example.com, the Speak Up line, and the public form at example.com/ai-concerns.",
    review_cycle_months: 12,
  };
}

function buildRiskCriteria(rng) {
  return {
    kind: "risk-criteria",
    id: "RC-AI",
    title: "AI risk criteria",
    ...docControl(rng, { owner: "ai-governance-lead", approver: "chief-executive-officer" }),
    matrix: {
      rare: ["low", "low", "low", "medium", "medium"],
      unlikely: ["low", "low", "medium", "medium", "high"],
      possible: ["low", "medium", "medium", "high", "high"],
      likely: ["medium", "medium", "high", "high", "critical"],
      "almost-certain": ["medium", "high", "high", "critical", "critical"],
    },
    // The generator has the AI governance lead accept every residual risk it accepts.
    acceptance: {
      low: ["ai-governance-lead"],
      medium: ["ai-governance-lead"],
      high: ["ai-governance-lead", "chief-risk-officer"],
      critical: ["ai-governance-lead", "chief-executive-officer"],
    },
    // Review periods are left to the default (12 months): the generated risks are assessed within a year.
  };
}

function buildAudit(rng, audit) {
  const performed = rng.date("2026-01-15", "2026-09-30");
  return {
    kind: "internal-audit",
    id: audit.id,
    title: `Internal audit ${audit.id}`,
    ...docControl(rng, { owner: "internal-audit-manager", approver: "head-of-internal-audit" }),
    audit_scope: `AI life-cycle controls for ${audit.systems.join(", ")}.`,
    audit_criteria: ["ISO/IEC 42001:2023 clauses 8.1-8.4", "ISO/IEC 42001:2023 Annex A controls A.5, A.6.2, A.8"],
    auditor: "Group Internal Audit",
    auditor_independent: true,
    planned_on: addDays(performed, -14),
    performed_on: performed,
    findings: [
      { id: `${audit.id}-F1`, description: sentence(rng), severity: "minor", clause: "A.6.2.6", nonconformity: audit.nc },
      { id: `${audit.id}-F2`, description: sentence(rng), severity: "opportunity", clause: "A.6.2.4" },
    ],
    reported_to: "ai-risk-committee",
    reported_on: addDays(performed, 14),
    next_audit: addMonths(performed, 12),
  };
}

function buildNonconformity(rng, nc) {
  const detected = rng.date("2026-01-15", "2026-06-30");
  return {
    kind: "nonconformity",
    id: nc.id,
    title: `Nonconformity ${nc.id}`,
    ...docControl(rng, { owner: "chief-technology-officer", approver: "ai-governance-lead" }),
    status: "closed",
    system: nc.system,
    detected_on: detected,
    description: paragraph(rng, 1, 2),
    source: "audit",
    audit: nc.audit,
    severity: "minor",
    root_cause: sentence(rng),
    corrections: [sentence(rng)],
    corrective_actions: [{ description: sentence(rng), owner: "chief-technology-officer", due: addDays(detected, 60), done_on: addDays(detected, 45) }],
    effectiveness_review: { on: addDays(detected, 90), by: "ai-governance-lead", result: "effective" },
    closed_on: addDays(detected, 90),
    user_communication: "No users were affected; none needed.",
  };
}

function buildReview(rng, mr) {
  const held = rng.date("2026-06-01", "2026-10-31");
  return {
    kind: "management-review",
    id: mr.id,
    title: `AI management system review ${mr.id}`,
    ...docControl(rng, { owner: "ai-governance-lead", approver: "chief-executive-officer" }),
    held_on: held,
    chaired_by: "chief-executive-officer",
    attendees: ["chief-executive-officer", "chief-risk-officer", "chief-technology-officer", "ai-governance-lead"],
    inputs: {
      previous_actions: sentence(rng),
      external_internal_changes: sentence(rng),
      interested_party_changes: sentence(rng),
      performance: { nonconformities: sentence(rng), monitoring_results: sentence(rng), audit_results: sentence(rng) },
      improvement_opportunities: sentence(rng),
    },
    decisions: [
      { description: sentence(rng), owner: "chief-technology-officer", due: addMonths(held, 3) },
      { description: sentence(rng), owner: "chief-risk-officer", due: addMonths(held, 4) },
    ],
    next_review: addMonths(held, 6),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Deliberate problems. Each says which family it belongs to; a schema problem must be caught by any JSON Schema
// validator, a reference problem only by a linter that indexes the repository, a rule problem only by the rule pack.

const PROBLEMS = {
  risk: [
    ["schema", "enum: inherent.likelihood", (d) => (d.inherent.likelihood = "sometimes")],
    ["schema", "required: inherent", (d) => delete d.inherent],
    [
      "schema",
      "unknown property: owenr",
      (d) => {
        d.owenr = d.owner;
        delete d.owner;
      },
    ],
    ["schema", "pattern: treatment.controls", (d) => (d.treatment.controls = ["A.11.2", ...d.treatment.controls.slice(1)])],
    ["reference", "system names no AI system", (d) => (d.system = `${d.system}-OLD`)],
    ["rule", "treatment without owner", (d) => delete d.treatment.owner],
    [
      "rule",
      "residual above inherent",
      (d) => {
        d.residual = { likelihood: "almost-certain", impact: "severe", level: "critical" };
        d.inherent = { likelihood: "unlikely", impact: "minor", level: "low" };
      },
    ],
  ],
  "ai-system": [
    ["schema", "enum: lifecycle_stage", (d) => (d.lifecycle_stage = "production")],
    ["schema", "type: personal_data", (d) => (d.personal_data = "yes")],
    ["schema", "format: deployment.approved_on", (d) => (d.deployment.approved_on = "2026-02-30")],
    ["reference", "dataset without a data card", (d) => d.datasets.push(`DS-${d.id.slice(4)}-ARCHIVE`)],
    ["rule", "logging disabled in operation", (d) => (d.logging = { enabled: false })],
  ],
  "impact-assessment": [
    ["schema", "enum: impact severity", (d) => (d.impacts.individuals[0].severity = "high")],
    ["schema", "required: assessor", (d) => delete d.assessor],
    ["rule", "no societal impacts", (d) => (d.impacts.society = [])],
    ["rule", "none identified without a reason", (d) => delete d.impacts.society[1].reason],
  ],
  "model-card": [
    ["schema", "type: model_details.version", (d) => (d.model_details.version = 3)],
    ["schema", "required: evaluation metric value", (d) => delete d.evaluation.metrics[0].value],
    ["reference", "impact_assessment names no impact assessment", (d) => (d.impact_assessment = `${d.impact_assessment}-V0`)],
    // Not for Hugging Face README cards: their "Bias, Risks, and Limitations" heading still says it.
    ["rule", "no limitations", (d) => delete d.limitations, { notHub: true }],
  ],
  "data-card": [
    ["schema", "type: personal_data", (d) => (d.personal_data = "yes")],
    ["schema", "enum: provenance event", (d) => (d.provenance[0].event = "created")],
    ["rule", "personal data without legal basis", (d) => delete d.legal_basis],
  ],
  supplier: [
    ["schema", "enum: supplies", (d) => (d.supplies = ["models"])],
    ["reference", "systems names no AI system", (d) => d.systems.push("SYS-DECOMMISSIONED")],
  ],
  nonconformity: [["reference", "system names no AI system", (d) => (d.system = "SYS-UNKNOWN")]],
};
/** In a register, the problem sits in one entry. */
const REGISTER_PROBLEMS = [
  ["schema", "enum: risks[].residual.impact", (d, rng) => (rng.pick(d.risks).residual.impact = "huge")],
  [
    "schema",
    "unknown property: risks[].treatmnt",
    (d, rng) => {
      const r = rng.pick(d.risks);
      r.treatmnt = r.treatment;
      delete r.treatment;
    },
  ],
  ["reference", "risks[].system names no AI system", (d, rng) => (rng.pick(d.risks).system = "SYS-LEGACY")],
  ["rule", "risks[].treatment without controls", (d, rng) => (rng.pick(d.risks).treatment.controls = [])],
];

// ---------------------------------------------------------------------------------------------------------------
// The repository plan: how many systems for N artefact files, and where everything goes.

function slugOf(s) {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function generate({ n, out, seed = 42001, problemRate = 0.05, git = true, quiet = false }) {
  if (!Number.isInteger(n) || n < 40) throw new Error("--n must be an integer >= 40");
  const rng = new Rng(seed);
  const root = resolve(out);
  if (existsSync(root)) rmSync(root, { recursive: true, force: true, maxRetries: 5 });
  mkdirSync(root, { recursive: true });

  /** path -> { kind, format, artefacts, entries, problem } for artefact files. */
  const artefactFiles = new Map();
  /** Every file written, with whether git tracks it: candidates are derived from this. */
  const written = [];
  const write = (path, content, { tracked = true } = {}) => {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    written.push({ path, tracked, bytes: Buffer.byteLength(content) });
  };
  const yamlText = (data, { modeline, kind }) => {
    const head = modeline ? `# yaml-language-server: $schema=https://aimslint.dev/schemas/v1/${kind}.schema.json\n` : "";
    return head + stringify(data, { lineWidth: 110, minContentWidth: 40 });
  };

  // Global artefacts scale with N; the rest are system bundles.
  const nSuppliersTarget = Math.max(4, Math.round(n / 32));
  const nAudits = Math.max(1, Math.round(n / 400));
  const nReviews = Math.max(1, Math.round(n / 1000));
  const globals = 3 + nAudits * 2 + nReviews; // SoA, policy, risk criteria, audits and their nonconformities, reviews

  // --- plan systems until the budget of artefact files is used.
  const systems = [];
  const datasets = [];
  let budget = n - globals - nSuppliersTarget;
  let seq = 0;
  const inventoryUnits = new Set();
  // Stop while a whole bundle still fits; what is left (and the inventory files) is taken off the suppliers below.
  while (budget - inventoryUnits.size > 14) {
    const unit = UNITS[seq % UNITS.length];
    const archetype = ARCHETYPES[Math.floor(rng.next() * ARCHETYPES.length)];
    const code = `${unit[0].slice(0, 3).toUpperCase()}${String(seq + 1).padStart(4, "0")}`;
    const name = `${unit[1]} ${archetype.noun} ${seq + 1}`;
    const sys = {
      seq,
      code,
      id: `SYS-${code}`,
      iaId: `IA-${code}`,
      mcId: `MC-${code}`,
      name,
      slug: `${archetype.key}-${String(seq + 1).padStart(4, "0")}`,
      unit: unit[0],
      unitName: unit[1],
      archetype,
      version: `${rng.int(1, 4)}.${rng.int(0, 9)}.${rng.int(0, 9)}`,
      owner: rng.pick(OWNERS),
      approver: rng.pick(APPROVERS),
      jurisdictions: rng.some(REGIONS, rng.int(1, 3)),
      inInventory: rng.chance(0.12),
      systemJson: rng.chance(0.15),
      modelCard: rng.pick(["yaml", "yaml", "yaml", "hub", "hub", "hub", "json"]),
      registerRisks: rng.chance(0.35),
      risks: [],
      datasets: [],
      suppliers: [],
    };
    sys.planPath = `docs/deployment/${sys.slug}-plan.md`;
    sys.reportPath = `models/${sys.unit}/${sys.slug}/eval/validation-report-${sys.version}.md`;
    const nRisks = sys.registerRisks ? rng.int(4, 9) : rng.int(3, 4);
    for (let i = 0; i < nRisks; i++) sys.risks.push({ id: `RISK-${code}-${String(i + 1).padStart(2, "0")}`, index: i });
    const nData = rng.chance(0.5) ? 2 : 1;
    for (let i = 0; i < nData; i++) {
      const slug = `${sys.slug}-${["train", "eval"][i]}`;
      const ds = {
        id: `DS-${code}-${["TRAIN", "EVAL"][i]}`,
        slug,
        title: `${sys.name} ${["training", "evaluation"][i]} data`,
        owner: sys.owner,
        systemId: sys.id,
        systemName: sys.name,
        task: archetype.pipeline,
        form: rng.pick(["yaml", "yaml", "yaml", "yaml", "hub", "hub", "json"]),
      };
      ds.path = ds.form === "hub" ? `datasets/${slug}/README.md` : `governance/${sys.unit}/data/${slug}.${ds.form}`;
      sys.datasets.push(ds);
      datasets.push(ds);
    }
    // Files this bundle adds: system (unless in an inventory), IA, model card, risks, data cards.
    const files = (sys.inInventory ? 0 : 1) + 1 + 1 + (sys.registerRisks ? 1 : nRisks) + nData;
    systems.push(sys);
    if (sys.inInventory) inventoryUnits.add(sys.unit);
    budget -= files;
    seq++;
  }
  // Inventories: the systems flagged inInventory, grouped by unit, one inventory file per unit that has any.
  const inventories = new Map();
  for (const s of systems) if (s.inInventory) (inventories.get(s.unit) ?? inventories.set(s.unit, []).get(s.unit)).push(s);
  // Landing exactly on N: the files left over become suppliers, less one per inventory file.
  const nSuppliers = nSuppliersTarget + budget - inventories.size;
  if (nSuppliers < 2) throw new Error(`cannot plan ${n} artefacts (suppliers would be ${nSuppliers})`);

  const suppliers = [];
  for (let i = 0; i < nSuppliers; i++) {
    const base = SUPPLIER_NAMES[i % SUPPLIER_NAMES.length];
    const name = i < SUPPLIER_NAMES.length ? `${base} Ltd` : `${base} ${Math.floor(i / SUPPLIER_NAMES.length) + 1} Ltd`;
    suppliers.push({ id: `SUP-${slugOf(name).toUpperCase()}`, name, slug: slugOf(name), systems: [], json: rng.chance(0.2) });
  }
  for (const s of systems) {
    s.suppliers = rng.some(suppliers, rng.int(1, 3));
    for (const sup of s.suppliers) sup.systems.push(s.id);
  }
  // A supplier no system uses yet still records one, so that supplier/required holds.
  for (const sup of suppliers) if (sup.systems.length === 0) sup.systems.push(rng.pick(systems).id);

  // --- AI use: workflows, the agent configuration and manifests, from streams of their own (see planAiUse).
  const nServices = Math.max(2, Math.round(systems.length / 5));
  const serviceSystems = new Set(Array.from({ length: nServices }, (_, i) => systems[(i * 5) % systems.length]));
  const oss = suppliers.find((s) => s.name.startsWith("Open Source Components")) ?? suppliers[0];
  const aiRng = new Rng((seed ^ 0x2545f491) >>> 0);
  /** path -> { kind, artefact (aimslint counts it as one), problem } for the files that show AI use (and the other workflows). */
  const aiUse = new Map();
  for (const f of planAiUse(aiRng, new Rng((seed ^ 0x68e31da4) >>> 0), problemRate, systems, serviceSystems, oss)) {
    write(f.path, f.text);
    if (f.kind) aiUse.set(f.path, { kind: f.kind, artefact: f.artefact, problem: f.problem && { family: f.problem[0], what: f.problem[1] } });
  }

  // --- procedures and other Markdown that is not an artefact (evidence the SoA and the systems point at).
  const procedurePaths = new Map();
  for (const [slug, title, controls] of PROCEDURES) {
    const path = `docs/procedures/${slug}.md`;
    write(path, `# ${title}\n\n${paragraph(rng, 4, 8)}\n\n## Steps\n\n${[1, 2, 3, 4].map((i) => `${i}. ${sentence(rng)}`).join("\n")}\n\n## Records\n\n${paragraph(rng, 2, 3)}\n`);
    for (const c of controls) procedurePaths.set(c, path);
  }
  write(
    "README.md",
    `# Governance repository\n\nThe AI management system records of the organisation: ${systems.length} AI systems, their risks, impact assessments, model and data cards.\n\n${paragraph(rng, 3, 5)}\n`,
  );
  write("aimslint.config.yaml", `# Benchmark corpus: the recommended pack, with the date pinned so that every run gives the same findings.\nextends: recommended\ntoday: ${TODAY}\n`);
  write(".gitignore", "# local exports and caches\nexports/\n*.log\n.cache/\n");
  aiUse.set(".github/workflows/governance.yml", { kind: "ci-workflow", artefact: true });
  write(
    ".github/workflows/governance.yml",
    "name: governance\non: [pull_request]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx aimslint --format github\n",
  );

  // --- the problem plan: which artefact files get a deliberate problem. Chosen after the plan is known,
  // one stream of choices, so that it is the same for the same seed.
  // A stream of its own, so that the share of problems does not depend on how many draws the content took.
  const prng = new Rng((seed ^ 0x5bd1e995) >>> 0);
  const problemFor = (kind, format) => {
    const list = (kind === "risk-register" ? REGISTER_PROBLEMS : PROBLEMS[kind])?.filter((p) => !(format === "markdown" && p[3]?.notHub));
    if (!list || !prng.chance(problemRate)) return undefined;
    return prng.pick(list);
  };
  const record = (path, kind, format, _data, { entries = 0, problem, classifiedBy = "kind" } = {}) => {
    const info = { kind, format, artefacts: 1 + entries, classifiedBy };
    if (problem) info.problem = { family: problem[0], what: problem[1] };
    artefactFiles.set(path, info);
    return info;
  };
  const emit = (path, kind, data, { format = "yaml", modeline = false, body, entries = 0, allowProblem = true, classifiedBy = "kind" } = {}) => {
    const problem = allowProblem ? problemFor(kind, format) : undefined;
    if (problem) problem[2](data, prng);
    if (format === "json") write(path, `${JSON.stringify(data, null, 2)}\n`);
    else if (format === "markdown") write(path, `---\n${stringify(data, { lineWidth: 110, minContentWidth: 40 })}---\n\n${body}`);
    else write(path, yamlText(data, { modeline, kind }));
    record(path, kind, format, data, { entries, problem, classifiedBy });
  };

  // --- system bundles.
  for (const sys of systems) {
    const base = `governance/${sys.unit}`;
    const modeline = rng.chance(0.7);
    if (!sys.inInventory) {
      const data = buildSystem(rng, sys);
      if (sys.systemJson) emit(`${base}/systems/${sys.slug}.json`, "ai-system", { $schema: "https://aimslint.dev/schemas/v1/ai-system.schema.json", ...data }, { format: "json" });
      else emit(`${base}/systems/${sys.slug}.yaml`, "ai-system", data, { modeline });
    }
    emit(`${base}/impact-assessments/${sys.slug}.yaml`, "impact-assessment", buildImpactAssessment(rng, sys), { modeline });
    if (sys.registerRisks) {
      const entries = sys.risks.map((r) => buildRisk(rng, sys, r, true));
      emit(`${base}/risks/${sys.slug}-register.yaml`, "risk-register", buildRegister(rng, sys, entries), { modeline, entries: entries.length });
    } else {
      for (const r of sys.risks) emit(`${base}/risks/${r.id}.yaml`, "risk", buildRisk(rng, sys, r, false), { modeline: rng.chance(0.7) });
    }
    const mdir = `models/${sys.unit}/${sys.slug}`;
    if (sys.modelCard === "hub") emit(`${mdir}/README.md`, "model-card", buildModelCard(rng, sys, { hub: true }), { format: "markdown", body: modelCardBody(rng, sys), classifiedBy: "hub-keys" });
    else if (sys.modelCard === "json") {
      // JSON cards name their schema; half of them say what they are through $schema only (a card needs no `kind`).
      const viaSchema = rng.chance(0.5);
      const card = { $schema: "https://aimslint.dev/schemas/v1/model-card.schema.json", ...buildModelCard(rng, sys, { hub: false }) };
      if (viaSchema) delete card.kind;
      emit(`${mdir}/model-card.json`, "model-card", card, { format: "json", classifiedBy: viaSchema ? "$schema" : "kind" });
    } else emit(`${mdir}/model-card.yaml`, "model-card", buildModelCard(rng, sys, { hub: false }), { modeline });
    for (const ds of sys.datasets) {
      if (ds.form === "hub") emit(ds.path, "data-card", buildDataCard(rng, ds, { hub: true }), { format: "markdown", body: dataCardBody(rng, ds), classifiedBy: "hub-keys" });
      else emit(ds.path, "data-card", buildDataCard(rng, ds, { hub: false }), { format: ds.form, modeline });
    }
    // Evidence and documents beside the artefacts (Markdown, read but not artefacts).
    write(sys.planPath, `# Deployment plan: ${sys.name}\n\n${paragraph(rng, 3, 6)}\n\n## Rollback\n\n${paragraph(rng, 1, 3)}\n`);
    write(sys.reportPath, `# Validation report ${sys.version}: ${sys.name}\n\n${paragraph(rng, 4, 8)}\n\n## Results\n\n${paragraph(rng, 2, 4)}\n`);
    // Noise: code, binaries and configuration in the model folder.
    write(
      `${mdir}/src/train.py`,
      `"""Training entry point for ${sys.slug}."""\nimport argparse\n\n\ndef main() -> None:\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--config", default="config.yaml")\n    args = parser.parse_args()\n    print(f"training {args.config}")\n\n\nif __name__ == "__main__":\n    main()\n`,
    );
    write(`${mdir}/src/features.py`, `FEATURES = ${JSON.stringify(sys.archetype.data)}\n\n\ndef select(row):\n    return {k: row.get(k) for k in FEATURES}\n`);
    write(`${mdir}/weights/model.safetensors`, rng.bytes(rng.int(2048, 8192)));
    if (rng.chance(0.5)) write(`${mdir}/assets/diagram.png`, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), rng.bytes(1500)]));
    write(`${mdir}/config.yaml`, stringify({ model: sys.slug, seed: rng.int(1, 9999), learning_rate: +(rng.next() / 10).toFixed(4), features: sys.archetype.data }));
    if (rng.chance(0.1)) {
      const vocab = {};
      for (let i = 0; i < 600; i++) vocab[`tok${i}_${rng.int(0, 999)}`] = i;
      write(`${mdir}/tokenizer.json`, JSON.stringify({ version: "1.0", model: { type: "BPE", vocab } }));
    }
  }
  // Inventories of systems that are not kept in their own files.
  for (const [unit, list] of [...inventories.entries()].sort()) {
    const inv = {
      kind: "ai-system-inventory",
      id: `INV-${unit.toUpperCase()}`,
      title: `AI system inventory - ${list[0].unitName}`,
      ...docControl(rng, { owner: list[0].owner, approver: "chief-operating-officer" }),
      systems: list.map((s) => {
        const { kind, ...entry } = buildSystem(rng, s);
        return entry;
      }),
    };
    emit(`governance/${unit}/inventory.yaml`, "ai-system-inventory", inv, { modeline: true, entries: list.length, allowProblem: false });
  }
  for (const sup of suppliers) {
    const data = buildSupplier(rng, sup);
    emit(`governance/suppliers/${sup.slug}.${sup.json ? "json" : "yaml"}`, "supplier", data, { format: sup.json ? "json" : "yaml", modeline: true });
  }
  emit("governance/statement-of-applicability.yaml", "statement-of-applicability", buildSoa(rng, procedurePaths), { modeline: true, allowProblem: false });
  emit("governance/policy/ai-policy.yaml", "ai-policy", buildPolicy(rng), { modeline: true, allowProblem: false });
  emit("governance/risk-criteria.yaml", "risk-criteria", buildRiskCriteria(rng), { modeline: true, allowProblem: false });
  for (let i = 0; i < nAudits; i++) {
    const id = `AUD-2026-${String(i + 1).padStart(2, "0")}`;
    const nc = `NC-2026-${String(i + 1).padStart(3, "0")}`;
    const audited = rng.some(systems, 2).map((s) => s.id);
    emit(`governance/audits/${id}.yaml`, "internal-audit", buildAudit(rng, { id, nc, systems: audited }), { modeline: true, allowProblem: false });
    emit(`governance/nonconformities/${nc}.yaml`, "nonconformity", buildNonconformity(rng, { id: nc, audit: id, system: audited[0] }), { modeline: true });
  }
  for (let i = 0; i < nReviews; i++) {
    const id = `MR-2026-${String(i + 1).padStart(2, "0")}`;
    emit(`governance/reviews/${id}.yaml`, "management-review", buildReview(rng, { id }), { modeline: true, allowProblem: false });
  }

  // --- other configuration that is YAML/JSON but not an artefact: services with package.json, Helm values.
  for (let i = 0; i < nServices; i++) {
    const sys = systems[(i * 5) % systems.length];
    const dir = `services/${sys.slug}-api`;
    // A service of an AI system depends on AI SDKs: pinned exactly, or by ranges with a package-lock.json beside.
    const service = sys.ai?.service;
    const deps = [["fastify", "^4.28.1", "4.28.1"], ...(service?.deps ?? [])].sort((x, y) => (x[0] < y[0] ? -1 : 1));
    write(
      `${dir}/package.json`,
      `${JSON.stringify({ name: `${sys.slug}-api`, version: "1.0.0", private: true, scripts: { start: "node dist/server.js" }, dependencies: Object.fromEntries(deps.map(([n, spec]) => [n, spec])) }, null, 2)}\n`,
    );
    if (service) {
      aiUse.set(service.path, { kind: "dependency-manifest", artefact: true, problem: service.problem && { family: service.problem[0], what: service.problem[1] } });
      if (service.lock) write(`${dir}/package-lock.json`, packageLock(aiRng, `${sys.slug}-api`, deps));
    }
    write(`${dir}/tsconfig.json`, `${JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", strict: true, outDir: "dist" } }, null, 2)}\n`);
    write(
      `${dir}/src/server.ts`,
      `import Fastify from "fastify";\n\nconst app = Fastify();\napp.get("/health", async () => ({ ok: true, model: "${sys.slug}" }));\nawait app.listen({ port: ${3000 + i} });\n`,
    );
    write(
      `${dir}/deploy/chart/values.yaml`,
      stringify({
        replicaCount: rng.int(2, 6),
        image: { repository: `registry.example/${sys.slug}-api`, tag: sys.version },
        resources: { limits: { cpu: "1", memory: "1Gi" } },
        env: [{ name: "MODEL_ID", value: sys.mcId }],
      }),
    );
    write(`${dir}/deploy/chart/Chart.yaml`, `apiVersion: v2\nname: ${sys.slug}-api\nversion: ${sys.version}\n`);
    // node_modules: not ignored by .gitignore and never committed, so git lists it as untracked; a linter must skip it
    // (it holds YAML that looks like governance, with ids that would collide).
    write(`${dir}/node_modules/fastify/package.json`, `${JSON.stringify({ name: "fastify", version: "4.28.1", main: "fastify.js" })}\n`, { tracked: false });
    write(`${dir}/node_modules/fastify/fastify.js`, "module.exports = function fastify() {};\n", { tracked: false });
    write(`${dir}/node_modules/fastify/.github/workflows/ci.yml`, "name: ci\non: [push]\n", { tracked: false });
    write(
      `${dir}/node_modules/governance-fixtures/risks/${sys.risks[0].id}.yaml`,
      `kind: risk\nid: ${sys.risks[0].id}\ntitle: vendored fixture\nsystem: SYS-NOPE\ninherent: { likelihood: sometimes, impact: huge }\n`,
      { tracked: false },
    );
  }
  // A .gitignore'd folder of stale exports: artefacts with the same ids (and schema errors), which must never be read.
  for (const sys of systems.slice(0, Math.max(3, Math.round(systems.length / 10)))) {
    write(
      `exports/${sys.slug}-risks.yaml`,
      `kind: risk-register\nid: RR-${sys.code}\ntitle: stale export\nrisks:\n  - id: ${sys.risks[0].id}\n    system: ${sys.id}\n    inherent: { likelihood: often }\n`,
      { tracked: false },
    );
  }
  write("exports/export.log", "exported\n", { tracked: false });

  // --- git: one commit with fixed identity and dates, then one staged change (the pre-commit case).
  const artefactPaths = [...artefactFiles.keys()].sort();
  const stagedFile = artefactPaths.find((p) => artefactFiles.get(p).kind === "risk" && !artefactFiles.get(p).problem) ?? artefactPaths[0];
  let head = null;
  if (git) {
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: "bench",
      GIT_AUTHOR_EMAIL: "bench@example.invalid",
      GIT_COMMITTER_NAME: "bench",
      GIT_COMMITTER_EMAIL: "bench@example.invalid",
      GIT_AUTHOR_DATE: "2026-11-27T09:00:00Z",
      GIT_COMMITTER_DATE: "2026-11-27T09:00:00Z",
    };
    const g = (...args) =>
      execFileSync("git", ["-c", "core.autocrlf=false", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "gc.auto=0", "-c", "maintenance.auto=false", ...args], {
        cwd: root,
        env,
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      }).toString();
    g("init", "-q");
    // Everything that is tracked, and nothing under node_modules/ (left untracked, as `npm install` leaves it).
    const tracked = written.filter((w) => w.tracked).map((w) => w.path);
    for (let i = 0; i < tracked.length; i += 2000) g("add", "--", ...tracked.slice(i, i + 2000));
    g("commit", "-q", "--no-verify", "-m", `Governance repository: ${n} artefacts (generator v${GENERATOR_VERSION}, seed ${seed})`);
    head = g("rev-parse", "HEAD").trim();
    // The staged change: a reviewer updates one risk's title, as a pre-commit hook would see it.
    const abs = join(root, stagedFile);
    const text = execFileSync("cat", [abs]).toString();
    writeFileSync(abs, text.replace(/^title: (.*)$/m, "title: $1 (reassessed)"));
    g("add", "--", stagedFile);
  }

  // --- the manifest.
  // What the floors read: YAML, JSON and Markdown, without dependencies, git's files and lock files (nor does aimslint).
  const LOCKS = new Set(["package-lock.json", "pnpm-lock.yaml", "npm-shrinkwrap.json"]);
  const isCandidate = (p) => /\.(ya?ml|json|md|markdown)$/i.test(p) && !p.split("/").includes("node_modules") && !p.split("/").includes(".git") && !LOCKS.has(p.slice(p.lastIndexOf("/") + 1));
  // Read by aimslint besides (dependency manifests by their names), not by the floors or the peers.
  const isTextManifest = (p) => /(?:^|\/)(?:requirements[^/]*\.txt|pyproject\.toml|Pipfile)$/.test(p);
  const candidates = written
    .filter((w) => w.tracked && isCandidate(w.path))
    .map((w) => w.path)
    .sort();
  const kinds = {};
  const problems = {};
  let artefacts = 0;
  for (const [path, info] of artefactFiles) {
    const k = (kinds[info.kind] ??= { files: 0, artefacts: 0, yaml: 0, json: 0, markdown: 0 });
    k.files++;
    k.artefacts += info.artefacts;
    k[info.format]++;
    artefacts += info.artefacts;
    if (info.problem) problems[path] = { kind: info.kind, ...info.problem };
  }
  // AI use: workflows, the agent configuration and the manifests that name an AI package are artefacts to aimslint
  // (of kinds ci-workflow, agent-config, dependency-manifest), besides the N governance artefact files.
  const aiUsePaths = [...aiUse.keys()].sort();
  const aiUseKinds = {};
  let aiUseArtefacts = 0;
  for (const path of aiUsePaths) {
    const info = aiUse.get(path);
    const k = (aiUseKinds[info.kind] ??= { files: 0, artefacts: 0 });
    k.files++;
    if (info.artefact) {
      k.artefacts++;
      aiUseArtefacts++;
    }
    if (info.problem) problems[path] = { kind: info.kind, ...info.problem };
  }
  const families = {};
  for (const p of Object.values(problems)) families[p.family] = (families[p.family] ?? 0) + 1;
  const manifest = {
    generator: GENERATOR_VERSION,
    generatorHash: GENERATOR_HASH,
    n,
    seed,
    problemRate,
    today: TODAY,
    root,
    gitHead: head,
    stagedFile,
    systems: systems.length,
    artefactFiles: artefactFiles.size,
    artefacts,
    candidateFiles: candidates.length,
    nonArtefactCandidates: candidates.length - artefactFiles.size,
    manifestFiles: written.filter((w) => w.tracked && isTextManifest(w.path)).length,
    aiUseArtefacts,
    aiUseKinds,
    lockFiles: written.filter((w) => w.tracked && /(?:^|\/)(?:package-lock\.json|uv\.lock)$/.test(w.path)).length,
    filesWritten: written.length,
    untrackedOrIgnored: written.filter((w) => !w.tracked).length,
    bytesOfCandidates: written.filter((w) => w.tracked && isCandidate(w.path)).reduce((s, w) => s + w.bytes, 0),
    kinds,
    problemFamilies: families,
    problems,
    files: Object.fromEntries(artefactPaths.map((p) => [p, artefactFiles.get(p)])),
    aiUseFiles: Object.fromEntries(aiUsePaths.map((p) => [p, aiUse.get(p)])),
  };
  writeFileSync(`${root}.manifest.json`, `${JSON.stringify(manifest, null, 1)}\n`);
  if (artefactFiles.size !== n) throw new Error(`planned ${n} artefact files, wrote ${artefactFiles.size}`);
  if (!quiet) {
    process.stderr.write(
      `generated ${root}: ${artefactFiles.size} artefact files (${artefacts} artefacts with register entries, ${systems.length} systems), ` +
        `${candidates.length} candidate files, ${aiUse.size} files of AI use or CI (${aiUseArtefacts} artefacts to aimslint), ${written.length} files in all, ` +
        `${Object.keys(problems).length} with a deliberate problem ` +
        `(${Object.entries(families)
          .map(([f, c]) => `${c} ${f}`)
          .join(", ")}); commit ${head?.slice(0, 12) ?? "none"}\n`,
    );
  }
  return manifest;
}

// ---------------------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { n: 1000, out: undefined, seed: 42001, problemRate: 0.05, git: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith("--n")) opts.n = Number(value());
    else if (a.startsWith("--out")) opts.out = value();
    else if (a.startsWith("--seed")) opts.seed = Number(value());
    else if (a.startsWith("--problem-rate")) opts.problemRate = Number(value());
    else if (a === "--no-git") opts.git = false;
    else if (a === "-h" || a === "--help") {
      process.stdout.write("usage: node bench/generate.mjs --n <artefact files> [--out <folder>] [--seed <int>] [--problem-rate <0..1>] [--no-git]\n");
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  opts.out ??= join(dirname(new URL(import.meta.url).pathname), ".corpus", `n${opts.n}`);
  return opts;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("/generate.mjs")) {
  try {
    generate(parseArgs(process.argv.slice(2)));
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\n`);
    process.exit(2);
  }
}
