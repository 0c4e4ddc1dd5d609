import { randomBytes } from 'node:crypto';
import { log4j2Properties, randomClusterId, serverProperties } from './broker-config';
import { distributionPom, kafkaVersion } from './kafka-distribution';

function parse(properties: string): Record<string, string> {
  return Object.fromEntries(
    properties
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
}

describe('broker configuration', () => {
  it('is one KRaft node on 127.0.0.1 whose internal topics fit a single replica', () => {
    const config = parse(serverProperties({ port: 39092, controllerPort: 39093 }, '/tmp/k/kraft'));
    expect(config).toMatchObject({
      'process.roles': 'broker,controller',
      'controller.quorum.voters': '1@127.0.0.1:39093',
      listeners: 'PLAINTEXT://127.0.0.1:39092,CONTROLLER://127.0.0.1:39093',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:39092',
      'log.dirs': '/tmp/k/kraft',
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'share.coordinator.state.topic.replication.factor': '1',
      'auto.create.topics.enable': 'false',
    });
  });

  it('logs through log4j2 at the level asked, without the configuration dump', () => {
    expect(log4j2Properties('INFO')).toMatch(/^rootLogger\.level = INFO$/m);
    expect(log4j2Properties('WARN')).toMatch(/AbstractConfig\nlogger\.config\.level = WARN/);
  });

  it('makes cluster ids in the form Kafka prints them', () => {
    for (let i = 0; i < 50; i++) {
      expect(randomClusterId(randomBytes)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
  });
});

describe('Kafka distribution', () => {
  it('depends on the broker and a log4j binding, nothing else', () => {
    const pom = distributionPom('4.1.1');
    expect(pom).toContain('<artifactId>kafka_2.13</artifactId><version>4.1.1</version>');
    expect(pom).toContain('<artifactId>log4j-slf4j-impl</artifactId>');
    expect(pom.match(/<dependency>/g)).toHaveLength(4);
  });

  it('takes KAFKA_VERSION, refusing anything but a release number', () => {
    expect(kafkaVersion({})).toBe('4.1.1');
    expect(kafkaVersion({ KAFKA_VERSION: '3.9.1' })).toBe('3.9.1');
    expect(() => kafkaVersion({ KAFKA_VERSION: 'latest' })).toThrow(
      'KAFKA_VERSION must look like 4.1.1 (got "latest")',
    );
  });
});
