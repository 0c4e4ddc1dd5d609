import type { Admin, ITopicConfig } from 'kafkajs';
import { TOPICS } from '../../topics';

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Broker-side topic configs, set explicitly so no topic depends on broker defaults. */
  configs: Record<string, string>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The project's topics. Partitions bound consumer parallelism and cannot shrink later, and
 * raising them remaps keys (a session's events could briefly reorder), so they are sized for
 * the target scale up front (docs/architecture.md). Keys are pseudonymous session ids.
 */
export const TOPIC_SPECS: readonly TopicSpec[] = [
  {
    topic: TOPICS.chatTraces,
    partitions: 12,
    configs: {
      'cleanup.policy': 'delete',
      // A week of turns: enough to rebuild the queue after a consumer bug is fixed.
      'retention.ms': String(7 * DAY_MS),
      'max.message.bytes': String(1024 * 1024),
      'compression.type': 'producer',
    },
  },
  {
    topic: TOPICS.feedback,
    partitions: 6,
    configs: {
      'cleanup.policy': 'delete',
      // Data scientists read this topic directly; ratings are rare and precious.
      'retention.ms': String(30 * DAY_MS),
      'max.message.bytes': String(1024 * 1024),
      'compression.type': 'producer',
    },
  },
  {
    topic: TOPICS.retrainingDlq,
    partitions: 3,
    configs: {
      'cleanup.policy': 'delete',
      'retention.ms': String(30 * DAY_MS),
      // A dead letter wraps the original message, so it may be a little larger.
      'max.message.bytes': String(2 * 1024 * 1024),
      'compression.type': 'producer',
    },
  },
];

/**
 * Creates the topics that do not exist yet with their partitions and configs; topics that
 * exist are left alone (changing a live topic is an operator's decision), so running this at
 * every start is safe. Returns the names it created.
 */
export async function ensureTopics(
  admin: Admin,
  specs: readonly TopicSpec[],
  replicationFactor: number,
): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(s.topic));
  if (missing.length === 0) return [];
  const topics: ITopicConfig[] = missing.map((spec) => ({
    topic: spec.topic,
    numPartitions: spec.partitions,
    replicationFactor,
    configEntries: Object.entries({
      ...spec.configs,
      // Acks=all writes need this many in-sync replicas; never more than the replicas there are.
      'min.insync.replicas': String(Math.min(2, replicationFactor)),
    }).map(([name, value]) => ({ name, value })),
  }));
  try {
    await admin.createTopics({ topics, waitForLeaders: true });
  } catch (error) {
    // Another process may have created them between listing and creating: that is success.
    const after = new Set(await admin.listTopics());
    if (!missing.every((s) => after.has(s.topic))) throw error;
  }
  return missing.map((s) => s.topic);
}
