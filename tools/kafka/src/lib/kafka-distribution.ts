import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The Kafka release the project runs against. 4.1.1 is the release kafkajs 2.2.4 was verified
 * with here (KRaft, the Kafka 4 protocol floor of KIP-896, idempotent producer, classic
 * consumer groups); KAFKA_VERSION overrides it (3.9.x works with the same recipe).
 */
export const DEFAULT_KAFKA_VERSION = '4.1.1';
const SCALA_VERSION = '2.13';
/** Without a log4j binding the broker runs but logs nothing, and we wait on its log. */
const LOG4J_VERSION = '2.24.3';
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

export interface KafkaDistribution {
  version: string;
  /** Directory of every jar the broker needs: the classpath is `<libs>/*`. */
  libs: string;
}

export interface ProvisionOptions {
  version?: string;
  /** Root of the cache; default $MANGAASSIST_CACHE_DIR or ~/.cache/mangaassist. */
  cacheDir?: string;
  /** Progress lines for a human (first provisioning only; a cached copy prints nothing). */
  onProgress?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';
}

export function kafkaVersion(env: NodeJS.ProcessEnv = process.env): string {
  const version = env.KAFKA_VERSION?.trim() || DEFAULT_KAFKA_VERSION;
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new ProvisioningError(`KAFKA_VERSION must look like 4.1.1 (got "${version}")`);
  }
  return version;
}

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MANGAASSIST_CACHE_DIR?.trim()) return env.MANGAASSIST_CACHE_DIR.trim();
  const xdg = env.XDG_CACHE_HOME?.trim();
  return join(xdg || join(homedir(), '.cache'), 'mangaassist');
}

/** The Maven project whose runtime dependencies are exactly the broker's classpath. */
export function distributionPom(version: string): string {
  const dependency = (group: string, artifact: string, v: string) =>
    `    <dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${v}</version></dependency>`;
  return [
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '  <modelVersion>4.0.0</modelVersion>',
    '  <groupId>dev.mangaassist.tools</groupId>',
    `  <artifactId>kafka-broker-${version}</artifactId>`,
    '  <version>1</version>',
    '  <packaging>pom</packaging>',
    '  <dependencies>',
    dependency('org.apache.kafka', `kafka_${SCALA_VERSION}`, version),
    dependency('org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J_VERSION),
    dependency('org.apache.logging.log4j', 'log4j-core', LOG4J_VERSION),
    dependency('org.apache.logging.log4j', 'log4j-api', LOG4J_VERSION),
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
}

/**
 * Apache Kafka's jars from Maven Central, copied once into the cache by Maven (which keeps its
 * own downloads in ~/.m2, so a second version or a wiped cache costs no network). A copy counts
 * only once complete: it is assembled in a private directory and renamed into place, so an
 * interrupted run or two runs at once never leave a half-filled classpath behind.
 */
export async function provisionKafka(options: ProvisionOptions = {}): Promise<KafkaDistribution> {
  const env = options.env ?? process.env;
  const version = options.version ?? kafkaVersion(env);
  const root = options.cacheDir ?? cacheRoot(env);
  const home = join(root, `kafka-${version}`);
  const libs = join(home, 'libs');
  if (existsSync(join(home, '.complete'))) return { version, libs };

  const progress = options.onProgress ?? (() => undefined);
  const started = Date.now();
  progress(
    `kafka: provisioning Apache Kafka ${version} from Maven Central into ${home} (first run only)`,
  );
  mkdirSync(root, { recursive: true });
  const work = join(root, `.kafka-${version}.${process.pid}.${randomBytes(4).toString('hex')}`);
  mkdirSync(work, { recursive: true });
  try {
    writeFileSync(join(work, 'pom.xml'), distributionPom(version));
    await runMaven(
      [
        '-B',
        '-Dstyle.color=never',
        '-f',
        join(work, 'pom.xml'),
        `${DEPENDENCY_PLUGIN}:copy-dependencies`,
        '-DincludeScope=runtime',
        `-DoutputDirectory=${join(work, 'libs')}`,
      ],
      env,
      progress,
    );
    const jars = readdirSync(join(work, 'libs')).filter((f) => f.endsWith('.jar'));
    for (const required of [
      `kafka_${SCALA_VERSION}-${version}.jar`,
      `kafka-clients-${version}.jar`,
    ]) {
      if (!jars.includes(required)) {
        throw new ProvisioningError(`Maven finished but ${required} is missing from the copy`);
      }
    }
    writeFileSync(join(work, '.complete'), `${jars.sort().join('\n')}\n`);
    try {
      renameSync(work, home);
    } catch {
      // Someone else finished first (their copy is as good), or a stale partial copy is there.
      if (existsSync(join(home, '.complete'))) return { version, libs };
      rmSync(home, { recursive: true, force: true });
      renameSync(work, home);
    }
    progress(`kafka: ${jars.length} jars ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { version, libs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function runMaven(
  args: string[],
  env: NodeJS.ProcessEnv,
  progress: (line: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const errors: string[] = [];
    const tail: string[] = [];
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      // "[INFO] Downloaded from central: https://.../kafka_2.13-4.1.1.jar (6.9 MB at 3.1 MB/s)"
      const downloaded =
        /^(?:\[INFO\] )?Downloaded from [^:]+: \S+\/([^/\s]+\.(?:jar|pom)) \(([^)]*?)(?: at [^)]*)?\)/.exec(
          line,
        );
      if (downloaded?.[1].endsWith('.jar')) {
        progress(`kafka: downloaded ${downloaded[1]} (${downloaded[2]})`);
      }
      if (line.startsWith('[ERROR]')) errors.push(line);
    };
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', onLine);
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new ProvisioningError(
          error.code === 'ENOENT'
            ? 'Maven (mvn) is not on PATH; install it (apt-get install maven) to provision Kafka'
            : `could not run mvn: ${error.message}`,
        ),
      );
    });
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const detail = (errors.length > 0 ? errors : tail).slice(0, 15).join('\n  ');
      reject(new ProvisioningError(`mvn exited with code ${code}:\n  ${detail}`));
    });
  });
}
