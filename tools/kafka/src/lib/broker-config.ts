export interface BrokerPorts {
  /** The PLAINTEXT listener clients use. */
  port: number;
  /** The KRaft controller listener. */
  controllerPort: number;
}

/**
 * server.properties of a single node that is both KRaft controller and broker, listening on
 * 127.0.0.1 only. Internal topics get one replica and one partition: a single local node
 * cannot replicate, and fewer partitions make the first consumer group join fast.
 */
export function serverProperties(ports: BrokerPorts, logDir: string): string {
  const lines: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${ports.controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${ports.port},CONTROLLER://127.0.0.1:${ports.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${ports.port}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': logDir,
    // Without these the group coordinator waits for replicas that cannot exist, and kafkajs
    // loops on "The group coordinator is not available" (kafkajs issue #1752).
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    // Our services create their topics with explicit partitions and configs; a typo in a topic
    // name must fail rather than silently create a one-partition topic.
    'auto.create.topics.enable': 'false',
    'num.partitions': 1,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
  };
  return `${Object.entries(lines)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}

/** log4j2 configuration: the broker's own lines at `level` on stdout (a binding must exist). */
export function log4j2Properties(level: 'INFO' | 'WARN'): string {
  return [
    'status = warn',
    'appender.console.type = Console',
    'appender.console.name = STDOUT',
    'appender.console.layout.type = PatternLayout',
    'appender.console.layout.pattern = [%d] %p %m (%c)%n',
    `rootLogger.level = ${level}`,
    'rootLogger.appenderRef.stdout.ref = STDOUT',
    // The broker logs its whole configuration at INFO on every start; keep the log readable.
    'logger.config.name = org.apache.kafka.common.config.AbstractConfig',
    'logger.config.level = WARN',
    '',
  ].join('\n');
}

/** A random KRaft cluster id: 16 bytes, base64url without padding, as Kafka's Uuid prints. */
export function randomClusterId(random: (size: number) => Buffer): string {
  return random(16).toString('base64url');
}
