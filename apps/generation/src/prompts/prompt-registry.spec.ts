import { ConfigError, fromRepoRoot } from '@mangaassist/config';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PromptRegistry } from './prompt-registry';

/** A copy of the shipped prompts/ to break in one way per test. */
function copyOfPrompts(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
  cpSync(fromRepoRoot('prompts'), join(dir, 'prompts'), { recursive: true });
  return join(dir, 'prompts');
}

function problemsOf(dir: string): string {
  try {
    PromptRegistry.load(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected the registry to refuse the prompts');
}

describe('PromptRegistry', () => {
  const made: string[] = [];
  const broken = () => {
    const dir = copyOfPrompts();
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => rmSync(join(dir, '..'), { recursive: true, force: true })));

  it('loads and validates the shipped prompt releases', () => {
    const registry = PromptRegistry.load(fromRepoRoot('prompts'));
    expect(registry.ids).toContain('grounded-answer/v1');
    const release = registry.require('grounded-answer/v1');
    expect(release.system).toContain('{{answer_language}}');
    expect(release.user).toContain('{{evidence}}');
    expect(release.inputTokenBudget).toBeGreaterThan(1000);
  });

  it('refuses an unknown GENERATION_PROMPT_VERSION, naming it and the known ones', () => {
    const registry = PromptRegistry.load(fromRepoRoot('prompts'));
    expect(() => registry.require('grounded-answer/v9')).toThrow(
      /GENERATION_PROMPT_VERSION: unknown prompt version "grounded-answer\/v9" \(known: .*grounded-answer\/v1/,
    );
  });

  it('refuses an unknown placeholder, naming the file and the placeholder', () => {
    const dir = broken();
    writeFileSync(
      join(dir, 'grounded-answer/v1/user.md'),
      '{{evidence}}\n{{question}}\n{{shopper_email}}\n',
    );
    expect(problemsOf(dir)).toMatch(
      /prompts\/grounded-answer\/v1\/user\.md: unknown placeholder \{\{shopper_email\}\}/,
    );
  });

  it('refuses a missing template file, naming it', () => {
    const dir = broken();
    unlinkSync(join(dir, 'grounded-answer/v1/system.md'));
    expect(problemsOf(dir)).toMatch(/prompts\/grounded-answer\/v1\/system\.md: missing/);
  });

  it('refuses a user template without the question or the evidence', () => {
    const dir = broken();
    writeFileSync(join(dir, 'grounded-answer/v1/user.md'), 'Answer: {{question}}\n');
    expect(problemsOf(dir)).toMatch(/user\.md: must contain \{\{evidence\}\}/);
  });

  it('refuses a release without a manifest, a malformed one, or one filed under another version', () => {
    const missing = broken();
    unlinkSync(join(missing, 'grounded-answer/v1/prompt.json'));
    expect(problemsOf(missing)).toMatch(/prompt\.json: missing/);

    const malformed = broken();
    writeFileSync(join(malformed, 'grounded-answer/v1/prompt.json'), '{"name": ');
    expect(problemsOf(malformed)).toMatch(/prompt\.json: not valid JSON/);

    const moved = broken();
    cpSync(join(moved, 'grounded-answer/v1'), join(moved, 'grounded-answer/v2'), {
      recursive: true,
    });
    expect(problemsOf(moved)).toMatch(
      /v2\/prompt\.json: declares grounded-answer\/v1 but lives in grounded-answer\/v2/,
    );
  });

  it('refuses a prompts directory that does not exist', () => {
    expect(() => PromptRegistry.load('/nonexistent/prompts')).toThrow(/GENERATION_PROMPTS_DIR/);
  });
});
