/**
 * One evaluation suite of `npm run eval -- <suite>`. Suites judge the project's real code
 * path: the harness starts the services a suite names as processes (from dist/, on free
 * ports) and the suite calls them over gRPC exactly as the gateway would.
 */
export interface EvalSuite {
  name: string;
  /** One line for --help. */
  summary: string;
  /** Services to start (names from libs/stack SERVICES); none for suites that need no service. */
  services: readonly string[];
  /** File used when --file is not given, relative to the repo root; undefined = --file required. */
  defaultFile?: string;
  run(context: EvalContext): Promise<EvalReport>;
}

export interface EvalContext {
  /** Absolute path of the labelled file (or data set) to evaluate. */
  file: string | undefined;
  /** host:port of each started service, by name. */
  addresses: Record<string, string>;
  repoRoot: string;
  /** Progress lines for long runs (stderr; never mixed into --json output). */
  progress(line: string): void;
}

export interface EvalReport {
  /** The machine-readable result printed with --json. */
  json: Record<string, unknown>;
  /** The readable table printed without --json. */
  table: string;
}

/** What a suite module exports: `export const suite: EvalSuite = {...}`. */
export interface EvalSuiteModule {
  suite: EvalSuite;
}
