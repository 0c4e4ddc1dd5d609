import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MavenArtifact } from './distribution';

const DEPENDENCY_PLUGIN_VERSION = '3.8.1';
const MAX_OUTPUT_CHARS = 8_000;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function artifactXml(artifact: MavenArtifact, extra = ''): string {
  return (
    `<groupId>${escapeXml(artifact.groupId)}</groupId>` +
    `<artifactId>${escapeXml(artifact.artifactId)}</artifactId>` +
    `<version>${escapeXml(artifact.version)}</version><type>${artifact.type}</type>${extra}`
  );
}

function pom(name: string, body: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '  <modelVersion>4.0.0</modelVersion>',
    `  <groupId>dev.mangaassist.tools</groupId><artifactId>${name}</artifactId>`,
    '  <version>1</version><packaging>pom</packaging>',
    body,
    '</project>',
    '',
  ].join('\n');
}

/** A pom whose dependency:unpack puts each zip into its own folder. */
export function unpackPom(items: { artifact: MavenArtifact; into: string }[]): string {
  const artifactItems = items
    .map(
      ({ artifact, into }) =>
        `<artifactItem>${artifactXml(artifact, `<outputDirectory>${escapeXml(into)}</outputDirectory>`)}</artifactItem>`,
    )
    .join('\n          ');
  return pom(
    'opensearch-unpack',
    `  <build><plugins><plugin>
    <groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId>
    <version>${DEPENDENCY_PLUGIN_VERSION}</version>
    <configuration>
      <artifactItems>
          ${artifactItems}
      </artifactItems>
    </configuration>
  </plugin></plugins></build>`,
  );
}

/** A pom depending on one artifact, for copy-dependencies of it and its runtime closure. */
export function dependencyPom(name: string, artifact: MavenArtifact): string {
  return pom(
    `${name}-deps`,
    `  <dependencies><dependency>${artifactXml(artifact)}</dependency></dependencies>
  <build><plugins><plugin>
    <groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId>
    <version>${DEPENDENCY_PLUGIN_VERSION}</version>
  </plugin></plugins></build>`,
  );
}

/**
 * Runs Maven on a pom written into `dir`, in batch mode without transfer progress; on failure
 * the error carries the end of Maven's output (the line that names the missing artifact).
 */
export function runMaven(
  dir: string,
  pomName: string,
  pomText: string,
  goals: string[],
): Promise<void> {
  const pomPath = join(dir, pomName);
  writeFileSync(pomPath, pomText);
  return new Promise((resolve, reject) => {
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT_CHARS);
    };
    const child = spawn('mvn', ['-B', '--no-transfer-progress', '-f', pomPath, ...goals], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('Maven (mvn) is not installed: apt-get install maven')
          : error,
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        const errors = output
          .split('\n')
          .filter((line) => line.includes('[ERROR]'))
          .slice(0, 8)
          .join('\n');
        reject(new Error(`mvn ${goals.join(' ')} failed (exit ${code}):\n${errors || output}`));
      }
    });
  });
}
