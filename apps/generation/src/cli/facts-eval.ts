import { fromRepoRoot } from '@mangaassist/config';
import { SERVICES, startStack } from '@mangaassist/stack';
import { loadStoreSnapshot } from '@mangaassist/store-data';
import { freePort } from '@mangaassist/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFactCases } from '../quality/fact-case';
import { missingFacts, ungroundedNumbers } from '../quality/facts-check';

const HELP = `Usage: npx nx run generation:eval-facts [-- --file data/generation/facts.jsonl] [--show N]

Starts the whole stack on free ports with the embedded defaults (as npm start does) and asks
every held-out fact question through POST /v1/chat, whatever route answers it. Prints one JSON
object on stdout:
  {"cases","all_facts_rate","by_locale":{"ja","en"},"by_asks":{...},"ungrounded_answers",
   "errors","failures":[{"id","question","missing","answer"}],"samples":{"ja":[...],"en":[...]}}
An answer passes when it states every expected fact; it is ungrounded when it states a number,
date or price that is in no cited catalog record (nor in the question).

Options:
  --file PATH   the fact questions (default data/generation/facts.jsonl)
  --show N      question -> answer samples per language in the output (default 10)
`;

interface ChatReply {
  answer?: string;
  citations?: { id: string; title: string }[];
  route?: string;
  intent?: string;
  message?: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: 'data/generation/facts.jsonl' },
      show: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const show = Number(values.show);
  if (!Number.isInteger(show) || show < 0 || show > 1000) {
    throw new Error('--show must be an integer from 0 to 1000');
  }
  const cases = loadFactCases(fromRepoRoot(values.file ?? ''));
  const snapshot = await loadStoreSnapshot();
  const records = new Map<
    string,
    (typeof snapshot.items)[number] | (typeof snapshot.policies)[number]
  >();
  for (const item of snapshot.items) records.set(item.id, item);
  for (const policy of snapshot.policies) records.set(policy.id, policy);

  const dataDir = mkdtempSync(join(tmpdir(), 'mangaassist-facts-'));
  const ports: Record<string, number> = {};
  for (const spec of SERVICES) ports[spec.name] = await freePort();
  process.stderr.write(`starting the stack for ${cases.length} questions\n`);
  const stack = await startStack({
    root: fromRepoRoot(),
    ports,
    env: {
      EVENT_LOG_PATH: join(dataDir, 'events.db'),
      RETRAINING_DB_PATH: join(dataDir, 'retraining.db'),
      LOG_FORMAT: 'json',
    },
  });
  try {
    const failures: {
      id: string;
      question: string;
      route?: string;
      missing: string[];
      answer: string;
    }[] = [];
    const ungrounded: { id: string; numbers: number[]; answer: string }[] = [];
    const samples: Record<'ja' | 'en', { question: string; answer: string }[]> = { ja: [], en: [] };
    const tally = new Map<string, { cases: number; passed: number }>();
    let errors = 0;
    for (const [index, c] of cases.entries()) {
      const response = await fetch(`${stack.gatewayUrl}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: c.question }),
      });
      const reply = (await response.json()) as ChatReply;
      const answer = reply.answer ?? '';
      if (!response.ok || !reply.answer) errors += 1;
      const missing = missingFacts(answer, c.locale, c.facts);
      const cited = (reply.citations ?? []).flatMap((citation) => {
        const record = records.get(citation.id);
        return record ? [record] : [];
      });
      const stray = ungroundedNumbers(answer, c.question, cited);
      for (const key of [c.locale, c.asks]) {
        const entry = tally.get(key) ?? { cases: 0, passed: 0 };
        entry.cases += 1;
        if (missing.length === 0) entry.passed += 1;
        tally.set(key, entry);
      }
      if (missing.length > 0) {
        failures.push({
          id: c.id,
          question: c.question,
          route: reply.route,
          missing,
          answer: answer || reply.message || '',
        });
      }
      if (stray.length > 0) ungrounded.push({ id: c.id, numbers: stray, answer });
      // Samples are spread over the file so they show every kind of question.
      const inLocale = cases.filter((other) => other.locale === c.locale);
      const stride = Math.max(1, Math.floor(inLocale.length / Math.max(1, show)));
      if (samples[c.locale].length < show && inLocale.indexOf(c) % stride === 0) {
        samples[c.locale].push({ question: c.question, answer });
      }
      if ((index + 1) % 25 === 0) process.stderr.write(`${index + 1}/${cases.length}\n`);
    }
    const rate = (entry: { cases: number; passed: number } | undefined) =>
      entry ? Math.round((entry.passed / entry.cases) * 10_000) / 10_000 : null;
    const byAsks: Record<string, number | null> = {};
    for (const [key, entry] of tally) if (key !== 'ja' && key !== 'en') byAsks[key] = rate(entry);
    process.stdout.write(
      `${JSON.stringify({
        cases: cases.length,
        all_facts_rate: Math.round((1 - failures.length / cases.length) * 10_000) / 10_000,
        by_locale: { ja: rate(tally.get('ja')), en: rate(tally.get('en')) },
        by_asks: byAsks,
        ungrounded_answers: ungrounded.length,
        errors,
        failures,
        ungrounded,
        samples,
      })}\n`,
    );
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`eval-facts failed: ${(error as Error).message}\n`);
  process.exit(1);
});
