import {
  KNN_VERSION,
  MODULES,
  OPENSEARCH_VERSION,
  coordinates,
  pluginDescriptor,
} from './distribution';
import { dependencyPom, unpackPom } from './maven';

describe('the OpenSearch recipe', () => {
  it('pins k-NN to the exact core version, as the plugin loader demands', () => {
    expect(KNN_VERSION.startsWith(`${OPENSEARCH_VERSION}.`)).toBe(true);
  });

  it('writes module descriptors the plugin loader accepts', () => {
    const common = MODULES.find((m) => m.name === 'analysis-common');
    if (!common) throw new Error('analysis-common is not in the recipe');
    const text = pluginDescriptor(common);
    const props = Object.fromEntries(
      text
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2)),
    );
    expect(props).toMatchObject({
      name: 'analysis-common',
      version: OPENSEARCH_VERSION,
      'opensearch.version': OPENSEARCH_VERSION,
      classname: 'org.opensearch.analysis.common.CommonAnalysisPlugin',
      'extended.plugins': 'lang-painless',
      'java.version': '11',
    });
  });

  it('loads painless before the modules and plugins that extend it', () => {
    const names = MODULES.map((m) => m.name);
    for (const module of MODULES) {
      for (const extended of module.extendedPlugins) {
        expect(names.indexOf(extended)).toBeLessThan(names.indexOf(module.name));
      }
    }
    expect(MODULES.find((m) => m.name === 'lang-painless')?.securityPolicy).toMatch(
      /createClassLoader[\s\S]*getClassLoader/,
    );
  });

  it('renders Maven poms naming each artifact with its type', () => {
    const module = MODULES[0];
    expect(dependencyPom(module.name, module.artifact)).toContain(
      `<artifactId>${module.artifact.artifactId}</artifactId><version>${OPENSEARCH_VERSION}</version><type>jar</type>`,
    );
    const unpack = unpackPom([
      {
        artifact: { groupId: 'g', artifactId: 'a&b', version: '1', type: 'zip' },
        into: '/tmp/x<y',
      },
    ]);
    expect(unpack).toContain('<artifactId>a&amp;b</artifactId>');
    expect(unpack).toContain('<outputDirectory>/tmp/x&lt;y</outputDirectory>');
    expect(coordinates(module.artifact)).toBe(
      `org.opensearch.plugin:lang-painless:${OPENSEARCH_VERSION}:jar`,
    );
  });
});
