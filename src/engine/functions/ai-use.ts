// Recognising AI use in CI workflows from the catalogue (src/catalogue/ai-use.json, plus the organisation's
// additions, which reach the rules as their options aiActions and aiSecrets): data, not code.
import catalogue from "../../catalogue/ai-use.json" with { type: "json" };
import { escapeRegExp } from "../../util/text.js";
import type { CheckFunction } from "../types.js";

export interface AiCatalogue {
  /** Lower-case owner/name of AI actions. */
  actions: readonly string[];
  /** `secrets.NAME`, `env.NAME` or `vars.NAME` naming a model API key. */
  secrets: RegExp;
}

function compile(actions: readonly string[], secrets: readonly string[]): AiCatalogue {
  return { actions: actions.map((a) => a.toLowerCase()), secrets: new RegExp(`\\b(?:secrets|env|vars)\\.(?:${secrets.map(escapeRegExp).join("|")})\\b`) };
}

export const BUILT_IN_CATALOGUE = compile(catalogue.actions, catalogue.secrets);

/** `owner/name@ref` or `owner/name/path@ref` naming a catalogued AI action (any ref, any case). */
export function isAiAction(uses: unknown, c: AiCatalogue = BUILT_IN_CATALOGUE): boolean {
  if (typeof uses !== "string") return false;
  const action = uses.trim().replace(/@.*$/, "").toLowerCase();
  return c.actions.some((a) => action === a || action.startsWith(`${a}/`));
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
function catalogueFor(options: Record<string, unknown>): AiCatalogue {
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
  return is ? [] : [{ message: "not AI use (catalogue: src/catalogue/ai-use.json)" }];
};
