import { Kafka, type LogEntry, logLevel } from 'kafkajs';
import { USAGE, UsageError, parseConsumerArgs } from './consumer-options';
import { consumeFeedback } from './feedback-consumer';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseConsumerArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`feedback-consumer: ${error.message}\nRun with --help for usage.\n`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { options } = parsed;
  const kafka = new Kafka({
    clientId: 'mangaassist-feedback-example',
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    // stdout carries the events; kafkajs's own log lines go to stderr.
    logCreator: () => (entry: LogEntry) =>
      process.stderr.write(`kafkajs ${entry.namespace}: ${entry.log.message}\n`),
  });
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  let printed: number;
  try {
    printed = await consumeFeedback(
      kafka,
      options,
      {
        event: (line) => process.stdout.write(`${line}\n`),
        warn: (text) => process.stderr.write(`${text}\n`),
      },
      stop.signal,
    );
  } catch (error) {
    if (!isUnknownTopic(error)) throw error;
    throw new Error(
      `topic ${options.topic} does not exist on ${options.brokers.join(',')}; the services create it when they start (npm run start:kafka)`,
    );
  }
  process.stderr.write(`feedback-consumer: printed ${printed} events from ${options.topic}\n`);
}

/** kafkajs reports a missing topic as UNKNOWN_TOPIC_OR_PARTITION, possibly wrapped after retries. */
function isUnknownTopic(error: unknown): boolean {
  for (
    let e = error as { type?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.type === 'UNKNOWN_TOPIC_OR_PARTITION') return true;
  }
  return false;
}

main().catch((error: unknown) => {
  process.stderr.write(`feedback-consumer: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
