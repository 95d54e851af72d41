// The repository's own AI use, judged from the catalogue (src/core/ai-use-catalogue.json, plus the organisation's
// additions, which reach the rules as their options aiActions and aiSecrets): data, not code. Workflows and agent
// configurations are untrusted text: values are quoted when shown, and a secret is never shown at all.
import catalogue from "../../core/ai-use-catalogue.json" with { type: "json" };
import { escapeRegExp, quote } from "../../util/text.js";
import type { CheckFunction } from "../types.js";

export interface AiCatalogue {
  /** Lower-case owner/name of AI actions. */
  actions: readonly string[];
  /** Lower-case owner/name of the AI actions that run a coding agent. */
  agentActions: readonly string[];
  /** `secrets.NAME`, `env.NAME` or `vars.NAME` naming a model API key. */
  secrets: RegExp;
  /** The key names alone, every occurrence (global). */
  secretNames: RegExp;
}

function compile(actions: readonly string[], secrets: readonly string[]): AiCatalogue {
  return {
    actions: actions.map((a) => a.toLowerCase()),
    agentActions: catalogue.agentActions.map((a) => a.toLowerCase()),
    secrets: new RegExp(`\\b(?:secrets|env|vars)\\.(?:${secrets.map(escapeRegExp).join("|")})\\b`),
    secretNames: new RegExp(`(?<=\\b(?:secrets|env|vars)\\.)(?:${secrets.map(escapeRegExp).join("|")})\\b`, "g"),
  };
}

export const BUILT_IN_CATALOGUE = compile(catalogue.actions, catalogue.secrets);

/** `owner/name@ref` or `owner/name/path@ref` naming a catalogued AI action (any ref, any case). */
export function isAiAction(uses: unknown, c: AiCatalogue = BUILT_IN_CATALOGUE): boolean {
  if (typeof uses !== "string") return false;
  const action = uses.trim().replace(/@.*$/, "").toLowerCase();
  return c.actions.some((a) => action === a || action.startsWith(`${a}/`));
}

/** An action (`owner/name[/path][@ref]`) that runs a coding agent. */
export function isAgentAction(uses: string, c: AiCatalogue = BUILT_IN_CATALOGUE): boolean {
  const action = uses.trim().replace(/@.*$/, "").toLowerCase();
  return c.agentActions.some((a) => action === a || action.startsWith(`${a}/`));
}

/** A step that calls a model: it uses an AI action, or is given a model API key (in `env`, `with` or `run`). */
export function isAiStep(step: unknown, c: AiCatalogue = BUILT_IN_CATALOGUE): boolean {
  if (step === null || typeof step !== "object") return false;
  const { uses, env, with: inputs, run } = step as Record<string, unknown>;
  return isAiAction(uses, c) || passesKey(env, c) || passesKey(inputs, c) || (typeof run === "string" && c.secrets.test(run));
}

function passesKey(values: unknown, c: AiCatalogue): boolean {
  if (values === null || typeof values !== "object") return false;
  return Object.values(values).some((v) => typeof v === "string" && c.secrets.test(v));
}

/** A job that runs AI: one of its steps does, or the job hands every step a model API key. */
export function isAiJob(job: unknown, c: AiCatalogue = BUILT_IN_CATALOGUE): boolean {
  if (job === null || typeof job !== "object") return false;
  const { steps, env } = job as Record<string, unknown>;
  return passesKey(env, c) || (Array.isArray(steps) && steps.some((s) => isAiStep(s, c)));
}

/** The catalogue with a rule's additions (its options `actions` and `secrets`), compiled once per options object. */
const withAdditions = new WeakMap<Record<string, unknown>, AiCatalogue>();
export function catalogueFor(options: Record<string, unknown>): AiCatalogue {
  const actions = options["actions"];
  const secrets = options["secrets"];
  if (!Array.isArray(actions) && !Array.isArray(secrets)) return BUILT_IN_CATALOGUE;
  let c = withAdditions.get(options);
  if (!c) {
    c = compile([...catalogue.actions, ...((actions as string[] | undefined) ?? [])], [...catalogue.secrets, ...((secrets as string[] | undefined) ?? [])]);
    withAdditions.set(options, c);
  }
  return c;
}

/** Fails unless the value (an action reference, a step or a job, by `what`) is AI use. For `when` conditions. */
export const aiUse: CheckFunction = ({ value, exists, options }) => {
  if (!exists) return [{ message: "no value" }];
  const c = catalogueFor(options);
  const is = options["what"] === "action" ? isAiAction(value, c) : options["what"] === "step" ? isAiStep(value, c) : isAiJob(value, c);
  return is ? [] : [{ message: "not AI use (catalogue: src/core/ai-use-catalogue.json)" }];
};

/**
 * Token shapes of the common providers (OpenAI, Anthropic, GitHub, Slack, AWS, Google, Hugging Face), and key names
 * that say a value is a secret. A value that references a variable (`${X}`, `${env:X}`, `${input:x}`) is none.
 */
const TOKEN_SHAPE = /\b(?:sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{30,}|hf_[A-Za-z0-9]{20,})/;
const SECRET_NAME = /(?:token|secret|passw(?:or)?d|api[-_]?key|access[-_]?key|private[-_]?key|auth(?:orization)?|credential|bearer)/i;
const REFERENCE = /\$\{[^}]+\}|\$[A-Z_][A-Z0-9_]*\b|\{\{[^}]+\}\}/;

/**
 * No value of the mapping (an MCP server's `env` or `headers`) is a secret written out. The finding names the key
 * and the length, never the value: aimslint does not print the secrets it finds.
 */
export const noLiteralSecrets: CheckFunction = ({ value, exists, field }) => {
  if (!exists || value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const failures = [];
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== "string" || v.trim().length < 8 || REFERENCE.test(v)) continue;
    if (TOKEN_SHAPE.test(v) || SECRET_NAME.test(key)) {
      failures.push({ message: `"${field}.${key}" holds a secret written out (${v.length} characters); it is in the repository's history from now on.`, at: [key] });
    }
  }
  return failures;
};

const DANGEROUS_FLAGS = new RegExp(`(?:^|[\\s"'=])(${catalogue.dangerousFlags.map(escapeRegExp).join("|")})(?=$|[\\s"'])`, "m");

/** A step's `run` script or inputs (`with`) pass no flag that lets an agent act without asking (the catalogue's dangerousFlags). */
export const noDangerousFlags: CheckFunction = ({ value, exists, field }) => {
  if (!exists) return [];
  const texts: [string, string[]][] =
    typeof value === "string"
      ? [[value, []]]
      : value !== null && typeof value === "object"
        ? Object.entries(value).flatMap(([k, v]) => (typeof v === "string" ? [[v, [k]] as [string, string[]]] : []))
        : [];
  const failures = [];
  for (const [text, at] of texts) {
    const flag = DANGEROUS_FLAGS.exec(text)?.[1];
    if (flag) failures.push({ message: `"${at.length > 0 ? `${field}.${at[0]}` : field}" passes ${flag}, with which the agent acts without asking.`, at });
  }
  return failures;
};

const MODEL_ALIASES = new RegExp(catalogue.modelAliases.map((p) => `(?:${p})`).join("|"), "i");

/** A model id names a dated version, not a moving alias (`…-latest`, a bare family name): the catalogue's modelAliases. */
export const datedModel: CheckFunction = ({ value, exists, field }) => {
  // A provider prefix (`openai/gpt-4o` in GitHub Models, `anthropic/…`) is not part of the model's own id.
  if (!exists || typeof value !== "string" || !MODEL_ALIASES.test(value.trim().replace(/^.*\//, ""))) return [];
  return [{ message: `"${field}" names the model alias ${quote(value.trim())}, which its provider moves to new versions.` }];
};
