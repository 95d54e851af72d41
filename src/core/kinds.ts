// The artefact kinds aimslint knows: one row each, the single place that names them.
// Schemas live in schemas/<id>.schema.json; docs/artefact-model.md describes the fields.

export interface KindInfo {
  id: string;
  title: string;
  /** Clauses and controls the kind gives evidence for. */
  iso42001: string[];
  /** A container kind holds entries of another kind under one key (a risk register holds risks). */
  entries?: { key: string; kind: string };
  /** Top-level keys that mark a file as this kind when it forgot to say `kind:`. */
  signature: string[];
  /** Markdown file names that are this kind without any front matter. */
  markdownNames?: RegExp;
  /** Front-matter keys of Hugging Face cards that make a README.md this kind. */
  hubKeys?: string[];
  /** A format someone else owns (a workflow, an agent's settings), read for evidence: no document control, no status. */
  foreign?: true;
}

export const KINDS: readonly KindInfo[] = [
  {
    id: "ai-system",
    title: "AI system record",
    iso42001: ["4.1", "4.3", "5.3", "A.4.2", "A.6.2.5", "A.9.4"],
    signature: ["intended_purpose", "lifecycle_stage", "autonomy", "third_party_components", "organisation_role", "access_scope"],
  },
  { id: "ai-system-inventory", title: "AI system inventory", iso42001: ["4.3", "A.4.2"], entries: { key: "systems", kind: "ai-system" }, signature: [] },
  {
    id: "model-card",
    title: "Model card",
    iso42001: ["A.6.2.7", "A.8.2", "A.9.4"],
    // model_parameters, quantitative_analysis and considerations are Google Model Card Toolkit keys.
    signature: ["intended_use", "out_of_scope_use", "model_details", "training_data", "evaluation", "model-index", "intended_users", "model_parameters", "quantitative_analysis", "considerations"],
    // Any file whose name holds "model card" in any case and spelling: MODEL_CARD.md, Stable_Diffusion_v1_Model_Card.md.
    markdownNames: /^(?:.*[-_ .])?model[-_ ]?card(?:[-_ .].*)?\.(?:md|markdown)$/i,
    hubKeys: ["pipeline_tag", "model-index", "base_model", "library_name", "model_name", "new_version", "widget", "thumbnail", "inference", "co2_eq_emissions"],
  },
  {
    id: "impact-assessment",
    title: "AI system impact assessment",
    iso42001: ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"],
    signature: ["impacts", "affected_parties", "foreseeable_misuse", "assessor", "fria"],
  },
  {
    id: "risk",
    title: "AI risk entry",
    iso42001: ["6.1.2", "6.1.3", "8.2", "8.3"],
    signature: ["likelihood", "inherent", "residual", "treatment", "acceptance", "risk_owner"],
  },
  { id: "risk-register", title: "AI risk register", iso42001: ["6.1.2", "6.1.3", "8.2", "8.3"], entries: { key: "risks", kind: "risk" }, signature: [] },
  {
    id: "risk-criteria",
    title: "AI risk criteria",
    iso42001: ["6.1.1", "6.1.2", "6.1.3"],
    signature: ["matrix", "review_months"],
  },
  { id: "statement-of-applicability", title: "Statement of Applicability", iso42001: ["6.1.3"], signature: [] },
  { id: "ai-policy", title: "AI policy", iso42001: ["5.2", "A.2.2", "A.2.3", "A.2.4"], signature: ["objectives_framework", "commitments", "related_policies", "concern_channel"] },
  {
    id: "data-card",
    title: "Data card",
    iso42001: ["A.4.3", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6"],
    signature: ["provenance", "acquisition_method", "collected_on", "preparation", "data_subjects"],
    markdownNames: /^(?:(?:.*[-_ .])?(?:data[-_ ]?card|dataset[-_ ]?card|data[-_ ]?sheet)(?:[-_ .].*)?|datasets?)\.(?:md|markdown)$/i,
    hubKeys: ["task_categories", "size_categories", "dataset_info", "configs", "pretty_name", "annotations_creators", "source_datasets", "task_ids"],
  },
  { id: "internal-audit", title: "Internal audit record", iso42001: ["9.2"], signature: ["auditor", "audit_criteria", "audit_scope", "programme"] },
  { id: "management-review", title: "Management review record", iso42001: ["9.3"], signature: ["attendees", "inputs", "decisions", "chaired_by"] },
  { id: "nonconformity", title: "Nonconformity or incident record", iso42001: ["10.2", "A.8.4"], signature: ["root_cause", "corrective_actions", "detected_on", "effectiveness_review"] },
  {
    id: "ci-workflow",
    title: "CI workflow",
    iso42001: ["A.6.2.6", "A.9.2", "A.10.3"],
    // Found by its place (.github/workflows/), never by its keys: aimslint reads it for AI use, GitHub owns its format.
    signature: [],
    foreign: true,
  },
  {
    id: "agent-config",
    title: "Coding-agent or MCP configuration",
    iso42001: ["A.9.2", "A.3.2", "A.6.2.6"],
    // Found by its place (.mcp.json, .claude/settings.json…; the catalogue's agentConfigs), never by its keys.
    signature: [],
    foreign: true,
  },
  {
    id: "dependency-manifest",
    title: "Dependency manifest",
    iso42001: ["A.10.3", "A.4.4", "A.6.2.6"],
    // Found by its name (package.json, requirements*.txt, pyproject.toml, Pipfile), never by its keys: read for the AI
    // SDKs it depends on; its ecosystem owns its format.
    signature: [],
    foreign: true,
  },
  { id: "supplier", title: "Supplier record", iso42001: ["A.10.2", "A.10.3"], signature: ["supplies", "responsibilities", "contract", "review_cadence"] },
];

const BY_ID = new Map(KINDS.map((k) => [k.id, k]));

export function kindInfo(id: string): KindInfo | undefined {
  return BY_ID.get(id);
}

export function schemaFileOf(kind: string): string {
  return `${kind}.schema.json`;
}
