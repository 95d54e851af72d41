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
  /** AI packages by ecosystem: the catalogue's, with the organisation's. */
  packages: { npm: readonly string[]; pypi: readonly string[] };
}

function compile(actions: readonly string[], secrets: readonly string[], packages: { npm: readonly string[]; pypi: readonly string[] } = catalogue.packages): AiCatalogue {
  return {
    packages,
    actions: actions.map((a) => a.toLowerCase()),
    agentActions: catalogue.agentActions.map((a) => a.toLowerCase()),
    secrets: new RegExp(`\\b(?:secrets|env|vars)\\.(?:${secrets.map(escapeRegExp).join("|")})\\b`),
    secretNames: new RegExp(`(?<=\\b(?:secrets|env|vars)\\.)(?:${secrets.map(escapeRegExp).join("|")})\\b`, "g"),
  };
}

export const BUILT_IN_CATALOGUE = compile(catalogue.actions, catalogue.secrets);

/** `owner/name@ref` or `owner/name/path@ref` naming a catalogued AI action (any ref, any case). */
export function isAiAction(uses: unknown, c: AiCatalogue = BUILT_IN_CATALOGUE): boolean {
  const used = actionOf(uses);
  return used !== undefined && c.actions.some((a) => isAction(used, a));
}

/** The action a `uses:` value names, lower case, without its ref. */
function actionOf(uses: unknown): string | undefined {
  return typeof uses === "string" ? uses.trim().replace(/@.*$/, "").toLowerCase() : undefined;
}

/** `used` (from actionOf) is the action `owner/name` (lower case), or a sub-path of it. */
function isAction(used: string, action: string): boolean {
  return used === action || used.startsWith(`${action}/`);
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

/**
 * The catalogue with a rule's additions (its options `actions` and `secrets`), compiled once per options object.
 * Without additions (empty lists, the default), the built-in one: the rules that read the whole repository's AI use
 * then share what they work out of it (functions/inventory.ts).
 */
const withAdditions = new WeakMap<Record<string, unknown>, AiCatalogue>();
export function catalogueFor(options: Record<string, unknown>): AiCatalogue {
  const actions = options["actions"];
  const secrets = options["secrets"];
  const npm = options["npm"];
  const pypi = options["pypi"];
  if (![actions, secrets, npm, pypi].some((list) => Array.isArray(list) && list.length > 0)) return BUILT_IN_CATALOGUE;
  let c = withAdditions.get(options);
  if (!c) {
    const more = (list: unknown) => (Array.isArray(list) ? (list as string[]) : []);
    c = compile([...catalogue.actions, ...more(actions)], [...catalogue.secrets, ...more(secrets)], {
      npm: [...catalogue.packages.npm, ...more(npm)],
      pypi: [...catalogue.packages.pypi, ...more(pypi)],
    });
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

// ——— Workflows: who may start AI (ci/ai-trusted-trigger), and what guards its output (ci/ai-write-gated) ———

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * An action of a catalogue list (actorChecking, publishActions), lower case, with the inputs and values with which
 * it stops doing what it is listed for (claude-code-action with `allowed_non_write_users: "*"` checks nobody).
 */
interface ListedAction {
  action: string;
  /** As the catalogue or the configuration spells it, for messages. */
  name: string;
  offWhen: readonly (readonly [string, RegExp])[];
}

/** As the catalogue writes it (JSON's type gives the inputs one entry lacks as undefined), or a name the configuration adds. */
type CatalogueEntry = string | { action: string; offWhen?: Record<string, string | undefined> };

function listed(entries: readonly CatalogueEntry[]): ListedAction[] {
  return entries.map((e) => {
    if (typeof e === "string") return { action: e.toLowerCase(), name: e, offWhen: [] };
    const offWhen = Object.entries(e.offWhen ?? {}).flatMap(([input, values]) => (values === undefined ? [] : [[input, new RegExp(values)] as const]));
    return { action: e.action.toLowerCase(), name: e.action, offWhen };
  });
}

const ACTOR_CHECKING = listed(catalogue.actorChecking);
const PUBLISH_ACTIONS = listed(catalogue.publishActions);

/** A catalogue list with the rule's additions (a list of `owner/name` in option `option`), built once per options object. */
const listsFor = new WeakMap<Mapping, Map<string, readonly ListedAction[]>>();
function listFor(options: Mapping, option: string, builtIn: readonly ListedAction[]): readonly ListedAction[] {
  const extra = options[option];
  if (!Array.isArray(extra) || extra.length === 0) return builtIn;
  let lists = listsFor.get(options);
  if (!lists) listsFor.set(options, (lists = new Map()));
  let list = lists.get(option);
  if (!list) lists.set(option, (list = [...builtIn, ...listed(extra.filter((e): e is string => typeof e === "string"))]));
  return list;
}

/** The entry of `list` a step uses, unless the step's inputs (`with`) turn off what the entry is listed for. */
function usesListed(step: Mapping, list: readonly ListedAction[]): ListedAction | undefined {
  const used = actionOf(step["uses"]);
  if (used === undefined) return undefined;
  const inputs = isMapping(step["with"]) ? step["with"] : {};
  return list.find((a) => isAction(used, a.action) && !a.offWhen.some(([input, values]) => Object.hasOwn(inputs, input) && values.test(String(inputs[input]))));
}

type Events = ReadonlySet<string>;

/** Events anyone can cause, each with the payload object whose author caused it and the objects that are someone else's. */
const UNTRUSTED: ReadonlyMap<string, { author: string; others: readonly string[] }> = new Map(Object.entries(catalogue.untrustedTriggers));

/**
 * The events of a workflow's `on:` that anyone can cause, in the order written. `on:` is a name, a list or a mapping;
 * YAML 1.2, which aimslint reads (as GitHub does), keeps the key `on` a string, never the YAML 1.1 boolean.
 */
export function untrustedEvents(on: unknown): string[] {
  const events = typeof on === "string" ? [on.trim()] : Array.isArray(on) ? on : isMapping(on) ? Object.keys(on) : [];
  return [...new Set(events.filter((e): e is string => typeof e === "string" && UNTRUSTED.has(e)))];
}

/** Conditions nested deeper or longer than this are not read: they guard nothing. */
const MAX_NESTING = 24;
const MAX_CONDITION = 4000;

/**
 * The events among `events` on which an `if:` may still let anyone through: what its author checks, event-name
 * tests and `false` leave open. Read the way GitHub evaluates it, `||` leaves open what either side does and `&&`
 * what both do; what is not understood guards nothing.
 */
export function openEvents(condition: unknown, events: Events): Events {
  if (condition === false) return new Set();
  if (typeof condition !== "string" || condition.length > MAX_CONDITION || events.size === 0) return events;
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(condition);
  const text = whole ? (whole[1] as string) : condition;
  // Text beside or between ${{ }} makes the condition a string, and a string that is not empty is true.
  if (text.includes("${{")) return events;
  return open(text, events, 0);
}

function open(text: string, events: Events, depth: number): Events {
  if (events.size === 0 || depth > MAX_NESTING) return events;
  const alternatives = splitTop(text, "||");
  if (!alternatives) return events;
  if (alternatives.length > 1) return new Set(alternatives.flatMap((a) => [...open(a, events, depth + 1)]));
  const conjuncts = splitTop(text, "&&");
  if (!conjuncts) return events;
  // Each part narrows what the previous ones left open.
  if (conjuncts.length > 1) return conjuncts.reduce((left, c) => open(c, left, depth + 1), events);
  const atom = text.trim();
  if (wrapped(atom)) return open(atom.slice(1, -1), events, depth + 1);
  return openAtom(atom, events);
}

/** The parts of `text` between the operator `op` outside parentheses and quotes; undefined if they do not balance. */
function splitTop(text: string, op: "||" | "&&"): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    // A quote inside a string is written twice, which toggles twice: no special case needed.
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return undefined;
    else if (depth === 0 && ch === op[0] && text[i + 1] === op[1]) {
      parts.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  if (depth !== 0 || quoted) return undefined;
  parts.push(text.slice(start));
  return parts;
}

/** `( … )` as a whole, not `(a) && (b)`. */
function wrapped(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length - 1; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return false;
  }
  return true;
}

const EVENT_NAME = /^(?:github\.event_name\s*(==|!=)\s*'([^']*)'|'([^']*)'\s*(==|!=)\s*github\.event_name)$/i;
/** A pull request from a branch of this repository, whose author can push here: what `pull_request_target` needs to know. */
const SAME_REPOSITORY =
  /^(?:!\s*github\.event\.pull_request\.head\.repo\.fork|github\.event\.pull_request\.head\.repo\.fork\s*(?:==\s*false|!=\s*true)|(?:false\s*==|true\s*!=)\s*github\.event\.pull_request\.head\.repo\.fork|github\.event\.pull_request\.head\.repo\.full_name\s*==\s*github\.repository|github\.repository\s*==\s*github\.event\.pull_request\.head\.repo\.full_name)$/i;
const TRUSTED_ROLE = /\b(?:OWNER|MEMBER|COLLABORATOR)\b/i;
const UNTRUSTED_ROLE = /\b(?:CONTRIBUTOR|FIRST_TIME_CONTRIBUTOR|FIRST_TIMER|NONE|MANNEQUIN)\b/i;
const ASSOCIATION = /\bgithub\.event\.([\w-]+)\.author_association\b/gi;
/** Who triggered the run (no object), or the author of a payload object (`github.event.comment.user.login`). */
const ACTOR = /\bgithub\.(?:actor|triggering_actor|event\.sender\.login|event\.([\w-]+)\.user\.login)\b/gi;
/** Names the repository chose: a quoted name or list, the owner, a configuration variable. */
const CHOSEN_NAMES = /'[^']*'|\bgithub\.repository_owner\b|\bvars\.[\w-]+/i;
/** A substring test (`contains('alice bob', github.actor)` lets "bob" and "b" in); a list from fromJSON is exact. */
const LIST_TEST = /\bcontains\(\s*fromJSON\(/i;

/** What one comparison (or call) leaves open. */
function openAtom(atom: string, events: Events): Events {
  if (/^false$/i.test(atom)) return new Set();
  const name = EVENT_NAME.exec(atom);
  if (name) {
    const equal = (name[1] ?? name[4]) === "==";
    const event = (name[2] ?? name[3] ?? "").toLowerCase();
    return keep(events, (e) => (e === event) === equal);
  }
  // `head.repo.fork` is null on other events, and GitHub's null == false holds: it settles pull_request_target only.
  if (SAME_REPOSITORY.test(atom)) return keep(events, (e) => e !== "pull_request_target");
  if (/^!(?!=)/.test(atom) || atom.includes("!=")) return events;
  const objects = checkedAuthors(atom);
  if (!objects) return events;
  return keep(events, (e) => checksSomeoneElse(objects, e));
}

/**
 * Whether the author a comparison checks on event `e` is someone else than who caused it (the issue's, under a
 * comment). Of several (`github.event.comment.author_association || github.event.issue.author_association`), the
 * first the event's payload holds is the one compared; with none, the comparison is false and lets nobody through.
 */
function checksSomeoneElse(objects: readonly string[], e: string): boolean {
  const payload = UNTRUSTED.get(e);
  const compared = objects.find((o) => o === "" || o === payload?.author || payload?.others.includes(o));
  return compared !== undefined && compared !== "" && compared !== payload?.author;
}

/** The events of `events` for which `stays` holds. */
function keep(events: Events, stays: (event: string) => boolean): Events {
  return new Set([...events].filter(stays));
}

/**
 * The payload objects whose author a comparison checks, in the order written ("" for whoever triggered the run), or
 * undefined when it is not an author check: author_association tested against OWNER, MEMBER or COLLABORATOR only, or
 * the actor (or an object's user.login) compared with names the repository chose.
 */
function checkedAuthors(atom: string): string[] | undefined {
  const compares = atom.includes("==") || /\bcontains\(/i.test(atom);
  if (!compares) return undefined;
  const found: RegExpExecArray[] = [];
  if (TRUSTED_ROLE.test(atom) && !UNTRUSTED_ROLE.test(atom)) found.push(...atom.matchAll(ASSOCIATION));
  if (CHOSEN_NAMES.test(atom) && (atom.includes("==") || LIST_TEST.test(atom))) found.push(...atom.matchAll(ACTOR));
  found.sort((a, b) => a.index - b.index);
  return found.length > 0 ? found.map((m) => (m[1] ?? "").toLowerCase()) : undefined;
}

/** `environment:` named: GitHub can hold the job for a reviewer's approval there. */
function hasEnvironment(job: Mapping): boolean {
  const env = job["environment"];
  const name = isMapping(env) ? env["name"] : env;
  return typeof name === "string" && name.trim() !== "";
}

/** "a", "a and b", "a, b and c". */
function and(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/**
 * A job that runs AI on an event anyone can cause checks who triggered it: its `if:`, or the `if:` of each AI step,
 * tests an author (or settles the event), an AI step uses an action that checks the actor's write access itself, or
 * the job runs in an environment. A model key in the job's `env` reaches every step, so then only the job's `if:` counts.
 */
export const authorChecked: CheckFunction = ({ value, exists, artefact, field, options }) => {
  if (!exists || !isMapping(value) || hasEnvironment(value)) return [];
  const triggers = untrustedEvents(artefact.data["on"]);
  if (triggers.length === 0) return [];
  const afterJob = openEvents(value["if"], new Set(triggers));
  if (afterJob.size === 0) return [];
  const c = catalogueFor(options);
  const checking = listFor(options, "actorChecking", ACTOR_CHECKING);
  const steps = Array.isArray(value["steps"]) ? value["steps"].filter(isMapping) : [];
  const left = passesKey(value["env"], c) ? afterJob : new Set(steps.filter((s) => isAiStep(s, c) && !usesListed(s, checking)).flatMap((s) => [...openEvents(s["if"], afterJob)]));
  if (left.size === 0) return [];
  const events = and(triggers.filter((t) => left.has(t)));
  const how = Object.hasOwn(value, "if") ? "its if: does not check who triggered it" : "nothing checks who triggered it";
  return [{ message: `"${field}" runs AI on ${events}, which anyone can cause, and ${how}.`, at: ["if"] }];
};

/** Scopes of the GITHUB_TOKEN with which a job can change the repository's code or merge. */
const WRITE_SCOPES = ["contents", "pull-requests"];

/** The write access `permissions:` grants (a name, and where it is written), or undefined: read-only, or unknown. */
function writeAccess(permissions: unknown): { name: string; at: string[] } | undefined {
  if (permissions === "write-all") return { name: "write-all", at: [] };
  if (!isMapping(permissions)) return undefined;
  const scope = WRITE_SCOPES.find((s) => permissions[s] === "write");
  return scope ? { name: `${scope}: write`, at: [scope] } : undefined;
}

/** By the name messages give them: what a run script matched is the repository's text, and is not repeated. */
const PUBLISH_COMMANDS = Object.entries(catalogue.publishCommands).map(([name, pattern]) => [name, new RegExp(pattern)] as const);

/** The first step that publishes to the repository (the catalogue's publishCommands and publishActions), described. */
function publishing(steps: unknown, actions: readonly ListedAction[]): string | undefined {
  if (!Array.isArray(steps)) return undefined;
  for (let i = 0; i < steps.length; i++) {
    const step: unknown = steps[i];
    if (!isMapping(step)) continue;
    const action = usesListed(step, actions);
    if (action) return `steps[${i}] uses ${action.name}`;
    const run = step["run"];
    const command = typeof run === "string" ? PUBLISH_COMMANDS.find(([, pattern]) => pattern.test(run)) : undefined;
    if (command) return `${command[0]} in steps[${i}].run`;
  }
  return undefined;
}

/**
 * A job (that runs AI: meant with an ai-use `when`) and publishes with write access has a gate before it: `needs:`
 * (a job that ran first) or an `environment:`. Write access is the job's own `permissions:`, else the workflow's;
 * with neither it is unknown, and nothing is reported.
 */
export const publishGated: CheckFunction = ({ value, exists, artefact, field, options }) => {
  if (!exists || !isMapping(value) || hasEnvironment(value)) return [];
  const needs = value["needs"];
  if ((typeof needs === "string" && needs.trim() !== "") || (Array.isArray(needs) && needs.length > 0)) return [];
  const own = Object.hasOwn(value, "permissions");
  const access = writeAccess(own ? value["permissions"] : artefact.data["permissions"]);
  if (!access) return [];
  const publishes = publishing(value["steps"], listFor(options, "publishActions", PUBLISH_ACTIONS));
  if (!publishes) return [];
  return [{ message: `"${field}" runs AI with ${access.name} and publishes (${publishes}) with nothing before it.`, at: own ? ["permissions", ...access.at] : ["needs"] }];
};
