import { parseArgs } from 'node:util';
import { FEEDBACK_TOPIC, type FeedbackConsumerOptions } from './feedback-consumer';

export const USAGE = `Usage: node dist/tools/examples/src/feedback-consumer/main.js [options]

Reads shoppers' ratings (FeedbackSubmitted) from Kafka and prints one JSON line per event on
stdout; messages it cannot decode are skipped with a warning on stderr.

Options:
  --brokers <list>     comma-separated host:port (default: KAFKA_BROKERS or 127.0.0.1:9092)
  --group <id>         consumer group; the same group resumes where it stopped
                       (default: mangaassist-feedback-example)
  --from-beginning     a new group starts at the oldest retained event (default: new events only)
  --topic <name>       default ${FEEDBACK_TOPIC}
  --max-events <n>     stop after n events (default: run until Ctrl-C)
  -h, --help           show this help
`;

const BROKER = /^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/;
const GROUP = /^[A-Za-z0-9._-]{1,200}$/;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type ParsedConsumerArgs = { help: true } | { help: false; options: FeedbackConsumerOptions };

export function parseConsumerArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedConsumerArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        brokers: { type: 'string' },
        group: { type: 'string', default: 'mangaassist-feedback-example' },
        'from-beginning': { type: 'boolean', default: false },
        topic: { type: 'string', default: FEEDBACK_TOPIC },
        'max-events': { type: 'string', default: '0' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true };

  const brokerList = values.brokers ?? env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
  const brokers = brokerList
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (brokers.length === 0 || !brokers.every((b) => BROKER.test(b))) {
    throw new UsageError(
      `--brokers must be a comma-separated list of host:port; got "${brokerList}"`,
    );
  }
  if (!GROUP.test(values.group)) {
    throw new UsageError(
      `--group must be 1 to 200 letters, digits, dots, dashes or underscores; got "${values.group}"`,
    );
  }
  if (!GROUP.test(values.topic))
    throw new UsageError(`--topic is not a topic name: "${values.topic}"`);
  const maxEvents = Number(values['max-events']);
  if (!/^\d+$/.test(values['max-events']) || !Number.isSafeInteger(maxEvents)) {
    throw new UsageError(`--max-events must be a whole number; got "${values['max-events']}"`);
  }
  return {
    help: false,
    options: {
      brokers,
      group: values.group,
      fromBeginning: values['from-beginning'],
      topic: values.topic,
      maxEvents,
    },
  };
}
