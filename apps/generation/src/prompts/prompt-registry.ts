import { ConfigError } from '@mangaassist/config';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { PROMPT_PLACEHOLDERS, isKnownPlaceholder, placeholdersIn } from './prompt-template';

/** prompts/<name>/<version>/prompt.json: what a released prompt declares about itself. */
const manifestSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  description: z.string().min(1),
  files: z.strictObject({
    system: z.string().min(1),
    user: z.string().min(1),
  }),
  /** Estimated tokens the rendered system + user messages may take; compression keeps to it. */
  input_token_budget: z.number().int().min(200).max(200_000),
  max_output_tokens: z.number().int().min(16).max(8192),
  temperature: z.number().min(0).max(2),
});

/** A template the answer cannot do without: the question and the evidence. */
const REQUIRED_IN_USER = ['question', 'evidence'] as const;

export interface PromptRelease {
  /** <name>/<version>, the id recorded in Final.prompt_version and every trace event. */
  id: string;
  name: string;
  version: string;
  description: string;
  system: string;
  user: string;
  inputTokenBudget: number;
  maxOutputTokens: number;
  temperature: number;
}

/**
 * The released prompt templates, loaded from prompts/<name>/<version>/ once at start and
 * validated whole: a missing file, a malformed manifest or an unknown placeholder stops the
 * service with a message naming the file, so a bad prompt release never reaches a shopper.
 */
export class PromptRegistry {
  private constructor(private readonly releases: ReadonlyMap<string, PromptRelease>) {}

  static load(dir: string): PromptRegistry {
    const problems: string[] = [];
    const releases = new Map<string, PromptRelease>();
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new ConfigError('generation', [
        `GENERATION_PROMPTS_DIR: ${dir} is not a directory of prompt releases`,
      ]);
    }
    for (const name of subdirectories(dir)) {
      for (const version of subdirectories(join(dir, name))) {
        const release = loadRelease(dir, name, version, problems);
        if (release) releases.set(release.id, release);
      }
    }
    if (problems.length > 0) throw new ConfigError('generation', problems);
    return new PromptRegistry(releases);
  }

  get ids(): string[] {
    return [...this.releases.keys()].sort();
  }

  /** The release for GENERATION_PROMPT_VERSION; refuses an unknown id, naming the known ones. */
  require(id: string, variable = 'GENERATION_PROMPT_VERSION'): PromptRelease {
    const release = this.releases.get(id);
    if (!release) {
      const known = this.ids.join(', ') || '(none)';
      throw new ConfigError('generation', [
        `${variable}: unknown prompt version "${id}" (known: ${known})`,
      ]);
    }
    return release;
  }
}

function subdirectories(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

function loadRelease(
  root: string,
  name: string,
  version: string,
  problems: string[],
): PromptRelease | undefined {
  const dir = join(root, name, version);
  const shown = (file: string) => relative(join(root, '..'), join(dir, file));
  const manifestPath = join(dir, 'prompt.json');
  if (!existsSync(manifestPath)) {
    problems.push(`${shown('prompt.json')}: missing (every prompt release needs a manifest)`);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    problems.push(`${shown('prompt.json')}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(
        `${shown('prompt.json')}: ${issue.path.join('.') || '(root)'} ${issue.message}`,
      );
    }
    return undefined;
  }
  const manifest = parsed.data;
  if (manifest.name !== name || manifest.version !== version) {
    problems.push(
      `${shown('prompt.json')}: declares ${manifest.name}/${manifest.version} but lives in ${name}/${version}`,
    );
  }
  const texts: Partial<Record<'system' | 'user', string>> = {};
  for (const role of ['system', 'user'] as const) {
    const file = manifest.files[role];
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`${shown(file)}: missing (named as the ${role} template in prompt.json)`);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    if (text.trim() === '') problems.push(`${shown(file)}: empty ${role} template`);
    for (const placeholder of placeholdersIn(text)) {
      if (!isKnownPlaceholder(placeholder)) {
        problems.push(
          `${shown(file)}: unknown placeholder {{${placeholder}}} (known: ${PROMPT_PLACEHOLDERS.join(', ')})`,
        );
      }
    }
    texts[role] = text;
  }
  if (texts.user !== undefined) {
    const used = placeholdersIn(texts.user);
    for (const required of REQUIRED_IN_USER) {
      if (!used.includes(required)) {
        problems.push(`${shown(manifest.files.user)}: must contain {{${required}}}`);
      }
    }
  }
  if (texts.system === undefined || texts.user === undefined) return undefined;
  return {
    id: `${name}/${version}`,
    name,
    version,
    description: manifest.description,
    system: texts.system,
    user: texts.user,
    inputTokenBudget: manifest.input_token_budget,
    maxOutputTokens: manifest.max_output_tokens,
    temperature: manifest.temperature,
  };
}
