import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

export interface JavaRuntime {
  home: string;
  major: number;
}

// OpenSearch 2.x installs a SecurityManager at boot; Java 24 removed it for good and 22+ warn
// and differ in details, so the node runs on 11 to 21 and 17 is preferred (the upstream CI's).
const MIN_MAJOR = 11;
const MAX_MAJOR = 21;
const PREFERRED_MAJOR = 17;

/** The major version `java -version` reports ("17.0.15", "1.8.0_392" -> 8), or undefined. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function probe(home: string): JavaRuntime | undefined {
  const java = join(home, 'bin', 'java');
  if (!existsSync(java)) return undefined;
  const run = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 30_000 });
  const major = parseJavaMajor(`${run.stderr}${run.stdout}`);
  return major === undefined ? undefined : { home, major };
}

function candidateHomes(env: NodeJS.ProcessEnv): string[] {
  const homes: string[] = [];
  if (env.JAVA_HOME) homes.push(env.JAVA_HOME);
  // Debian and Ubuntu install each JDK under /usr/lib/jvm; the default `java` may be newer.
  const jvmDir = '/usr/lib/jvm';
  if (existsSync(jvmDir)) {
    const entries = readdirSync(jvmDir).sort();
    for (const name of entries) if (/-17-|java-17/.test(name)) homes.push(join(jvmDir, name));
    for (const name of entries) homes.push(join(jvmDir, name));
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const java = join(dir, 'java');
    if (dir && existsSync(java)) homes.push(dirname(dirname(realpathSync(java))));
  }
  return [...new Set(homes)];
}

/**
 * The Java to run OpenSearch with: OPENSEARCH_JAVA_HOME if set (it must then be usable), else
 * the first Java 17 found, else any Java 11-21 (JAVA_HOME, /usr/lib/jvm, PATH).
 */
export function findJava(env: NodeJS.ProcessEnv = process.env): JavaRuntime {
  const explicit = env.OPENSEARCH_JAVA_HOME;
  if (explicit) {
    const runtime = probe(explicit);
    if (!runtime) throw new Error(`OPENSEARCH_JAVA_HOME=${explicit} has no runnable bin/java`);
    if (runtime.major < MIN_MAJOR || runtime.major > MAX_MAJOR) {
      throw new Error(
        `OPENSEARCH_JAVA_HOME=${explicit} is Java ${runtime.major}; OpenSearch 2.19 needs Java ${MIN_MAJOR}-${MAX_MAJOR}`,
      );
    }
    return runtime;
  }
  const usable: JavaRuntime[] = [];
  for (const home of candidateHomes(env)) {
    const runtime = probe(home);
    if (!runtime || runtime.major < MIN_MAJOR || runtime.major > MAX_MAJOR) continue;
    if (runtime.major === PREFERRED_MAJOR) return runtime;
    usable.push(runtime);
  }
  if (usable.length > 0) return usable[0];
  throw new Error(
    `no Java ${MIN_MAJOR}-${MAX_MAJOR} found (OpenSearch 2.19 needs one; 17 recommended): ` +
      'apt-get install openjdk-17-jre-headless, or set OPENSEARCH_JAVA_HOME',
  );
}
