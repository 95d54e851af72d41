// Stage 6: run the enabled rules. Checks that see only their own document run while the file is parsed; checks
// that look at other artefacts (reference, unique-id, referenced-by, listed-in) wait, as small DeferredChecks,
// until every file is indexed, so no parsed document has to outlive its file. Rules return paths; this is where
// they get positions.
import { FILE_START, type Finding, type Range, type Severity } from "../core/finding.js";
import type { Artefact } from "../source/classify.js";
import { sectionLabel } from "../source/markdown.js";
import { display } from "../schema/schema-errors.js";
import { pointer, type PathSegment } from "../source/locator.js";
import type { Keeper } from "../util/detach.js";
import { quote } from "../util/text.js";
import { deferredNeedsValue, FUNCTIONS, usesRepository } from "./functions/registry.js";
import type { IndexEntry } from "./index-entry.js";
import { substituteOptions } from "./options.js";
import { parsePath, resolvePath, type Match } from "./paths.js";
import type { RepoIndex } from "./repo-index.js";
import type { ArtefactView, CheckContext, Failure, FunctionCall, RuleDefinition } from "./types.js";
import { CORE_RULES } from "../core/core-rules.js";
import { report } from "../core/report.js";

export interface ActiveRule {
  rule: RuleDefinition;
  severity: Severity;
  options: Record<string, unknown>;
}

/** A check that needs the whole repository, waiting until the index is complete. */
export interface DeferredCheck {
  entry: IndexEntry;
  ruleId: string;
  /** Which `then` call; -1 when the whole rule waits (its `when` needs the repository). */
  call: number;
  /** The value checked (a Match), and the path of its `given` node. */
  path: PathSegment[];
  value: unknown;
  exists: boolean;
  given: PathSegment[];
}

/**
 * The deferred checks of a run, stored flat, five cells a check, as a 10,000-artefact project has some 50,000 of
 * them: as objects they took twice the memory, and they are kept from their file to the end of the run.
 */
export class DeferredChecks implements Iterable<DeferredCheck> {
  private readonly cells: unknown[] = [];
  /** (rule id, call) pairs, numbered: a cell holds the number, times two, plus one when the value exists. */
  private readonly calls: { ruleId: string; call: number }[] = [];
  /** By rule id, then `call + 1`. */
  private readonly callNumbers = new Map<string, number[]>();

  get length(): number {
    return this.cells.length / STRIDE;
  }

  add(entry: IndexEntry, ruleId: string, call: number, path: PathSegment[], value: unknown, exists: boolean, given: PathSegment[]): void {
    let numbers = this.callNumbers.get(ruleId);
    if (!numbers) this.callNumbers.set(ruleId, (numbers = []));
    let n = numbers[call + 1];
    if (n === undefined) {
      n = this.calls.push({ ruleId, call }) - 1;
      numbers[call + 1] = n;
    }
    this.cells.push(entry, n * 2 + (exists ? 1 : 0), path, value, given);
  }

  /** Takes back the checks added after the first `length` (those of a rule that failed). */
  truncate(length: number): void {
    this.cells.length = length * STRIDE;
  }

  *[Symbol.iterator](): Iterator<DeferredCheck> {
    const { cells } = this;
    for (let i = 0; i < cells.length; i += STRIDE) {
      const code = cells[i + 1] as number;
      const { ruleId, call } = this.calls[code >> 1]!;
      yield { entry: cells[i] as IndexEntry, ruleId, call, path: cells[i + 2] as PathSegment[], value: cells[i + 3], exists: (code & 1) === 1, given: cells[i + 4] as PathSegment[] };
    }
  }
}

const STRIDE = 5;

const NO_PATH: PathSegment[] = [];

/** Runs what can run on this artefact alone, findings into `findings`; the rest waits in `deferred`. */
export interface DocumentStage {
  today: string;
  /** Copies what deferred checks keep of the file, so that its text can be collected (util/detach.ts). */
  keeper: Keeper;
  /** Findings of this file go here. */
  findings: Finding[];
  /** Calls that need the repository wait here for the index. */
  deferred: DeferredChecks;
}

export function runDocumentRules(artefact: Artefact, entry: IndexEntry, rules: readonly ActiveRule[], stage: DocumentStage): void {
  const { today, keeper, findings, deferred } = stage;
  const deferral: Deferral = { entry, keeper, checks: deferred };
  const subject: Subject = { entry, view: artefact };
  for (const active of rules) {
    const { rule } = active;
    if (!rule.appliesTo.includes(artefact.kind)) continue;
    if (rule.check.when?.some(usesRepository)) {
      deferred.add(entry, rule.id, -1, NO_PATH, undefined, false, NO_PATH);
      continue;
    }
    // A rule that throws leaves nothing half-done: what it added is taken back. (Two fresh lists per rule and
    // artefact, as before, were a million short-lived arrays in a 10,000-artefact run.)
    const findingsBefore = findings.length;
    const deferredBefore = deferred.length;
    try {
      checkRule(active, subject, artefact, today, findings, undefined, deferral);
    } catch (error) {
      findings.length = findingsBefore;
      deferred.truncate(deferredBefore);
      findings.push(ruleError(active, artefact.doc.source.path, artefact.doc.locator.locate(artefact.root).range, error));
    }
  }
}

export interface RepositoryRunContext {
  index: RepoIndex;
  today: string;
  rulesFor: (path: string) => readonly ActiveRule[];
  /** The artefact an index entry came from, read and parsed again for positions; undefined if that fails. */
  reparse: (entry: IndexEntry) => Artefact | undefined;
}

/** Runs the deferred checks against the complete index. */
export function runRepositoryChecks(deferred: Iterable<DeferredCheck>, context: RepositoryRunContext): Finding[] {
  const findings: Finding[] = [];
  const byId = new WeakMap<readonly ActiveRule[], Map<string, ActiveRule>>();
  for (const check of deferred) {
    const rules = context.rulesFor(check.entry.file);
    let lookup = byId.get(rules);
    if (!lookup) byId.set(rules, (lookup = new Map(rules.map((a) => [a.rule.id, a]))));
    const active = lookup.get(check.ruleId);
    if (!active) continue;
    const artefactOf = () => context.reparse(check.entry);
    const before = findings.length;
    try {
      if (check.call === -1) {
        // A rule whose `when` asks the repository runs whole here, on the re-read artefact.
        const artefact = artefactOf();
        if (artefact) checkRule(active, { entry: check.entry, view: artefact }, artefact, context.today, findings, context.index);
        continue;
      }
      const call = active.rule.check.then[check.call]!;
      const match: Match = { path: check.path, value: check.value, exists: check.exists };
      const failures = evaluateOne(call, match, check.given, active, { entry: check.entry, view: check.entry }, context.today, context.index);
      if (failures.length === 0) continue;
      const artefact = artefactOf();
      for (const failure of failures) findings.push(toFinding(active, call, match, failure, artefact ?? check.entry));
    } catch (error) {
      findings.length = before; // as at the document stage: a failing rule leaves only its rule-error
      findings.push(ruleError(active, check.entry.file, context.index.locate(check.entry, check.entry.root), error));
    }
  }
  return findings;
}

/** Where calls that need the repository wait while the index is being built. */
interface Deferral {
  entry: IndexEntry;
  /** Deferred checks outlive their file: their paths and values are kept through it. */
  keeper: Keeper;
  checks: DeferredChecks;
}

/**
 * Every `then` call of the rule on every `given` node where the `when` conditions hold, findings into `findings`.
 * With a `deferral` (the index is not built yet), calls that need the repository wait there instead; without
 * one, they run against `index`.
 */
function checkRule(active: ActiveRule, subject: Subject, artefact: Artefact, today: string, findings: Finding[], index?: RepoIndex, deferral?: Deferral): void {
  const { then } = active.rule.check;
  for (const given of givenMatches(active.rule, subject, active, today, index)) {
    for (let i = 0; i < then.length; i++) {
      const call = then[i]!;
      for (const match of resolvePath(given.value, parsePath(call.field ?? ""), given.path)) {
        if (deferral && usesRepository(call)) {
          const { entry, keeper } = deferral;
          const value = keepsValue(call) ? keeper.value(match.value) : undefined;
          deferral.checks.add(entry, active.rule.id, i, keeper.path(match.path), value, match.exists, keeper.path(given.path));
        } else for (const failure of evaluateOne(call, match, given.path, active, subject, today, index)) findings.push(toFinding(active, call, match, failure, artefact));
      }
    }
  }
}

/**
 * Whether a call's deferred checks keep the value checked. Copying whole system records for the AI-use checks,
 * which read the index entry instead, was 4 MB of the live heap at 10,000 artefacts, and their copying time.
 */
const keptValues = new WeakMap<FunctionCall, boolean>();
function keepsValue(call: FunctionCall): boolean {
  let keeps = keptValues.get(call);
  if (keeps === undefined) keptValues.set(call, (keeps = deferredNeedsValue(call)));
  return keeps;
}

/** The `given` nodes of the artefact for which every `when` condition holds. */
function givenMatches(rule: RuleDefinition, subject: Subject, active: ActiveRule, today: string, index?: RepoIndex): Match[] {
  return resolvePath(subject.view.data, parsePath(rule.check.given ?? ""), []).filter(
    (given) => given.exists && (rule.check.when ?? []).every((call) => holds(call, given, active, subject, today, index)),
  );
}

/**
 * A `when` condition holds when its field exists (unless the function tests absence) and the check passes;
 * `not: true` inverts that, so "status missing or not closed" is `{ field: status, function: enumeration,
 * options: { values: [closed] }, not: true }`.
 */
function holds(call: FunctionCall, given: Match, active: ActiveRule, subject: Subject, today: string, index?: RepoIndex): boolean {
  const absenceTest = call.function === "absent" || call.function === "one-of";
  const matches = resolvePath(given.value, parsePath(call.field ?? ""), given.path);
  const passes = matches.length > 0 && matches.every((m) => (m.exists || absenceTest) && evaluateOne(call, m, given.path, active, subject, today, index).length === 0);
  return call.not ? !passes : passes;
}

/**
 * One artefact as a rule sees it at either stage: its index entry, which is its identity in the repository index
 * whichever stage runs the rule, and the data the checks read (the parsed artefact, or the entry itself).
 */
interface Subject {
  entry: IndexEntry;
  view: ArtefactView;
}

function evaluateOne(call: FunctionCall, match: Match, given: PathSegment[], active: ActiveRule, subject: Subject, today: string, index?: RepoIndex): Failure[] {
  const ctx = new Context(match, given, subject.view, subject.entry, optionsFor(call, active), today);
  const fn = FUNCTIONS.get(call.function);
  if (!fn) throw new Error(`unknown function "${call.function}"`);
  if (fn.scope === "document") return fn.check(ctx);
  if (!index) throw new Error(`"${call.function}" needs the repository index, which is not built yet (an aimslint bug)`);
  return fn.check(Object.assign(ctx, { index }));
}

/** What a function sees. Built for every value checked, so what most checks never read is computed on demand. */
class Context implements CheckContext {
  readonly value: unknown;
  readonly exists: boolean;
  readonly path: PathSegment[];
  constructor(
    match: Match,
    private readonly given: PathSegment[],
    readonly artefact: ArtefactView,
    readonly self: IndexEntry,
    readonly options: Record<string, unknown>,
    readonly today: string,
  ) {
    this.value = match.value;
    this.exists = match.exists;
    this.path = match.path;
  }
  get base(): PathSegment[] {
    return [...this.artefact.root, ...this.given];
  }
  get field(): string {
    return display(this.path) || "(document)";
  }
}

/** A call's options with the rule's configured values filled in; the same for every artefact sharing the settings. */
const resolvedOptions = new WeakMap<FunctionCall, WeakMap<Record<string, unknown>, Record<string, unknown>>>();
function optionsFor(call: FunctionCall, active: ActiveRule): Record<string, unknown> {
  let byRuleOptions = resolvedOptions.get(call);
  if (!byRuleOptions) resolvedOptions.set(call, (byRuleOptions = new WeakMap()));
  let options = byRuleOptions.get(active.options);
  if (!options) byRuleOptions.set(active.options, (options = substituteOptions(call.options ?? {}, active.options)));
  return options;
}

/** The finding for a failure; `target` is the parsed artefact, or only its index entry when its file could not be read again. */
function toFinding(active: ActiveRule, call: FunctionCall, match: Match, failure: Failure, target: Artefact | IndexEntry): Finding {
  const { rule } = active;
  const at: PathSegment[] = failure.atPath ?? [...match.path, ...(failure.at ?? [])];
  let message = call.message ? render(call.message, failure, match) : failure.message;
  let range: Range = FILE_START;
  if (isParsed(target)) {
    range = target.doc.locator.locate([...target.root, ...at], failure.key ? "key" : "value").range;
    // Name the field as its author knows it: a Markdown card's heading, or a card format's own field.
    const field = display(match.path);
    const section = target.doc.sections ? sectionLabel(target.kind, match.path, target.doc.sections) : undefined;
    const known = section !== undefined ? `section "${section}"` : target.foreign?.labels.get(field);
    if (known) message = message.replace(`"${field}"`, `"${field}" (${known})`);
  }
  return report(rule, isParsed(target) ? target.doc.source.path : target.file, range, message, { severity: active.severity, help: rule.help, pointer: pointer([...target.root, ...at]) });
}

const isParsed = (target: Artefact | IndexEntry): target is Artefact => typeof target.doc === "object";

/** A broken rule must not stop the others: say which rule broke, and go on. */
function ruleError(active: ActiveRule, file: string, range: Range, error: unknown): Finding {
  return report(CORE_RULES["aimslint/rule-error"], file, range, `Rule "${active.rule.id}" failed on this file: ${(error as Error).message}`, {
    help: active.rule.source ? `Fix the rule in ${active.rule.source}.` : "Please report this as an aimslint bug.",
  });
}

/**
 * A rule's own message with its placeholders filled. Through functions, not replacement strings: a value holding
 * `$&` or `` $` `` is text, not a pattern; and a value is quoted only when the template asks for it.
 */
function render(template: string, failure: Failure, match: Match): string {
  return template
    .replace(/\{\{\s*error\s*\}\}/g, () => failure.message)
    .replace(/\{\{\s*field\s*\}\}/g, () => display(match.path))
    .replace(/\{\{\s*value\s*\}\}/g, () => quote(match.value));
}
