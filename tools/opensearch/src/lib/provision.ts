import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  DISTRIBUTION,
  KNN_PLUGIN,
  KNN_VERSION,
  MODULES,
  OPENSEARCH_VERSION,
  RECIPE_VERSION,
  coordinates,
  pluginDescriptor,
} from './distribution';
import { dependencyPom, runMaven, unpackPom } from './maven';

export interface OpenSearchInstall {
  /** OPENSEARCH_HOME: bin/, lib/, modules/, plugins/; read-only once provisioned. */
  home: string;
  version: string;
  knnVersion: string;
}

export interface ProvisionOptions {
  cacheDir?: string;
  /** Progress lines for a person watching; provisioning from an empty ~/.m2 takes minutes. */
  progress?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

const MARKER = '.mangaassist-recipe.json';
const LOCK_STALE_MS = 20 * 60_000;
const LOCK_POLL_MS = 1_000;

/**
 * Where installs are cached: MANGAASSIST_CACHE_DIR, else ~/.cache/mangaassist, except for
 * root, whose home is closed to the unprivileged user the node runs as: /var/cache/mangaassist.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MANGAASSIST_CACHE_DIR) return env.MANGAASSIST_CACHE_DIR;
  if (process.getuid?.() === 0) return '/var/cache/mangaassist';
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mangaassist');
}

interface RecipeMarker {
  recipe: number;
  version: string;
  knnVersion: string;
}

function isProvisioned(home: string): boolean {
  try {
    const marker = JSON.parse(readFileSync(join(home, MARKER), 'utf8')) as Partial<RecipeMarker>;
    return (
      marker.recipe === RECIPE_VERSION &&
      marker.version === OPENSEARCH_VERSION &&
      marker.knnVersion === KNN_VERSION
    );
  } catch {
    return false;
  }
}

/**
 * Makes sure a runnable OpenSearch with k-NN is in the cache and returns it. The first call
 * resolves everything from Maven Central (kept in ~/.m2) and assembles the tree; later calls
 * only read a marker. Concurrent callers (parallel test files) wait for one provisioner.
 */
export async function provisionOpenSearch(
  options: ProvisionOptions = {},
): Promise<OpenSearchInstall> {
  const cacheDir = options.cacheDir ?? defaultCacheDir(options.env);
  const progress = options.progress ?? (() => undefined);
  const home = join(cacheDir, `opensearch-${OPENSEARCH_VERSION}`);
  const install = { home, version: OPENSEARCH_VERSION, knnVersion: KNN_VERSION };
  if (isProvisioned(home)) return install;

  mkdirSync(cacheDir, { recursive: true, mode: 0o755 });
  const release = await acquireLock(
    join(cacheDir, `.opensearch-${OPENSEARCH_VERSION}.lock`),
    progress,
  );
  try {
    if (isProvisioned(home)) return install;
    await assemble(cacheDir, home, progress);
    return install;
  } finally {
    release();
  }
}

async function assemble(
  cacheDir: string,
  home: string,
  progress: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const work = mkdtempSync(join(cacheDir, `.opensearch-${OPENSEARCH_VERSION}-partial-`));
  try {
    const steps = 2 + MODULES.length;
    let step = 0;
    const say = (what: string) => progress(`[${++step}/${steps}] ${what} (${elapsed()})`);

    say(`resolving ${coordinates(DISTRIBUTION)} and ${coordinates(KNN_PLUGIN)} from Maven Central`);
    const knnDir = join(work, 'knn');
    await runMaven(
      work,
      'unpack.pom.xml',
      unpackPom([
        { artifact: DISTRIBUTION, into: join(work, 'dist') },
        { artifact: KNN_PLUGIN, into: knnDir },
      ]),
      ['dependency:unpack'],
    );
    const tree = join(work, 'dist', `opensearch-${OPENSEARCH_VERSION}`);
    if (!existsSync(join(tree, 'bin', 'opensearch'))) {
      throw new Error(`${coordinates(DISTRIBUTION)} did not unpack to ${tree}`);
    }
    const libJars = new Set(readdirSync(join(tree, 'lib')));

    for (const module of MODULES) {
      say(`resolving module ${module.name} (${coordinates(module.artifact)}) and its dependencies`);
      const deps = join(work, 'deps', module.name);
      await runMaven(work, `${module.name}.pom.xml`, dependencyPom(module.name, module.artifact), [
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${deps}`,
      ]);
      const dir = join(tree, 'modules', module.name);
      mkdirSync(dir, { recursive: true });
      // Jars the core already has in lib/ would fail the jar-hell check at boot.
      for (const jar of jarsNotIn(readdirSync(deps), libJars)) {
        copyFileSync(join(deps, jar), join(dir, jar));
      }
      writeFileSync(join(dir, 'plugin-descriptor.properties'), pluginDescriptor(module));
      if (module.securityPolicy)
        writeFileSync(join(dir, 'plugin-security.policy'), module.securityPolicy);
    }

    say('assembling modules/ and plugins/opensearch-knn');
    const knnTarget = join(tree, 'plugins', 'opensearch-knn');
    mkdirSync(knnTarget, { recursive: true });
    for (const name of readdirSync(knnDir)) {
      if (name.endsWith('.jar') && libJars.has(name)) continue;
      copyFileSync(join(knnDir, name), join(knnTarget, name));
    }
    checkAssembled(tree);
    makeReadable(tree);
    for (const name of readdirSync(join(tree, 'bin'))) chmodSync(join(tree, 'bin', name), 0o755);

    const marker: RecipeMarker = {
      recipe: RECIPE_VERSION,
      version: OPENSEARCH_VERSION,
      knnVersion: KNN_VERSION,
    };
    writeFileSync(join(tree, MARKER), `${JSON.stringify(marker)}\n`, { mode: 0o644 });
    // An install of an older recipe is replaced whole; nothing runs from it while we hold the lock.
    rmSync(home, { recursive: true, force: true });
    renameSync(tree, home);
    progress(
      `OpenSearch ${OPENSEARCH_VERSION} with k-NN ${KNN_VERSION} ready in ${home} (${elapsed()})`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The jars of a module folder that lib/ does not already hold (same file name, same version). */
export function jarsNotIn(files: readonly string[], libJars: ReadonlySet<string>): string[] {
  return files.filter((name) => name.endsWith('.jar') && !libJars.has(name)).sort();
}

function checkAssembled(tree: string): void {
  const expected = [
    join('lib', `opensearch-${OPENSEARCH_VERSION}.jar`),
    join('modules', 'transport-netty4', 'plugin-descriptor.properties'),
    ...MODULES.map((m) =>
      join('modules', m.name, `${m.artifact.artifactId}-${m.artifact.version}.jar`),
    ),
    join('plugins', 'opensearch-knn', `opensearch-knn-${KNN_VERSION}.jar`),
    join('plugins', 'opensearch-knn', 'plugin-descriptor.properties'),
  ];
  const missing = expected.filter((path) => !existsSync(join(tree, path)));
  if (missing.length > 0) throw new Error(`assembled OpenSearch lacks ${missing.join(', ')}`);
}

/** World-readable, owner-writable: the node runs as another user and must not change it. */
function makeReadable(path: string): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    chmodSync(path, 0o755);
    for (const name of readdirSync(path)) makeReadable(join(path, name));
  } else {
    chmodSync(path, stat.mode & 0o111 ? 0o755 : 0o644);
  }
}

/**
 * A lock directory (mkdir is atomic) holding the owner's pid. A lock whose process is gone or
 * that is older than any real provisioning is taken over, so a killed run never blocks the next.
 */
async function acquireLock(lock: string, progress: (line: string) => void): Promise<() => void> {
  let waiting = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (lockIsStale(lock)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!waiting) {
      progress(`waiting for another process provisioning OpenSearch (${lock})`);
      waiting = true;
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

function lockIsStale(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) return true;
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ESRCH: the owner is gone. ENOENT: pid not written yet (just created) or lock just released.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
