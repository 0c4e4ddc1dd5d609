import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Kafka 4 brokers need Java 17 or newer. */
const MINIMUM_JAVA = 17;

export class JavaRuntimeError extends Error {
  override readonly name = 'JavaRuntimeError';
}

/** The java executable ($JAVA_HOME/bin/java, else java on PATH), checked to be new enough. */
export function javaExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const java = env.JAVA_HOME?.trim() ? join(env.JAVA_HOME.trim(), 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8', env });
  if (probe.error) {
    throw new JavaRuntimeError(
      `cannot run ${java} (${probe.error.message}); Kafka needs Java ${MINIMUM_JAVA}+ (apt-get install openjdk-17-jre-headless)`,
    );
  }
  // `openjdk version "17.0.15" 2025-04-15` or `java version "1.8.0_392"`.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : Number.NaN;
  if (!(major >= MINIMUM_JAVA)) {
    throw new JavaRuntimeError(
      `${java} is Java ${Number.isNaN(major) ? '(unknown version)' : major}; Kafka needs Java ${MINIMUM_JAVA} or newer`,
    );
  }
  return java;
}

/**
 * A command prefix that kills the broker when the process that started it dies (a test
 * runner killed mid-run must not leave a JVM behind on a shared machine): util-linux
 * `setpriv --pdeathsig KILL`, when available.
 */
export function dieWithParentPrefix(): string[] {
  const probe = spawnSync('setpriv', ['--help'], { encoding: 'utf8' });
  return !probe.error && /--pdeathsig/.test(probe.stdout)
    ? ['setpriv', '--pdeathsig', 'KILL', '--']
    : [];
}
