/**
 * What a runnable OpenSearch node is assembled from, all of it from Maven Central. The k-NN
 * plugin is published only for some core versions and must match the core exactly, so the core
 * version follows the newest k-NN release there (2.19.1.0).
 */
export const OPENSEARCH_VERSION = '2.19.1';
export const KNN_VERSION = `${OPENSEARCH_VERSION}.0`;

/** Bumped whenever the assembly below changes, so a cached install from an older recipe is rebuilt. */
export const RECIPE_VERSION = 1;

export interface MavenArtifact {
  groupId: string;
  artifactId: string;
  version: string;
  type: 'jar' | 'zip';
}

/** The test distribution: lib/, bin/, config/ and the transport-netty4 module, no other module. */
export const DISTRIBUTION: MavenArtifact = {
  groupId: 'org.opensearch.distribution.integ-test-zip',
  artifactId: 'opensearch',
  version: OPENSEARCH_VERSION,
  type: 'zip',
};

export const KNN_PLUGIN: MavenArtifact = {
  groupId: 'org.opensearch.plugin',
  artifactId: 'opensearch-knn',
  version: KNN_VERSION,
  type: 'zip',
};

/**
 * A module of the full distribution rebuilt from its Maven jar: Maven Central has the jars but
 * not the module folders, so the descriptor (and the security policy painless needs to compile
 * scripts) is written here, with the values of the upstream build.
 */
export interface ModuleRecipe {
  name: string;
  artifact: MavenArtifact;
  description: string;
  classname: string;
  extendedPlugins: string[];
  securityPolicy?: string;
}

// analysis-common extends painless (its script filters), and k-NN extends painless too, so
// painless must load first; plugins are loaded in dependency order from extended.plugins.
export const MODULES: readonly ModuleRecipe[] = [
  {
    name: 'lang-painless',
    artifact: {
      groupId: 'org.opensearch.plugin',
      artifactId: 'lang-painless',
      version: OPENSEARCH_VERSION,
      type: 'jar',
    },
    description: 'An easy, safe and fast scripting language for OpenSearch',
    classname: 'org.opensearch.painless.PainlessPlugin',
    extendedPlugins: [],
    securityPolicy: [
      'grant {',
      '  // painless compiles scripts into classes of their own loader',
      '  permission java.lang.RuntimePermission "createClassLoader";',
      '  // and finds allow-listed classes through the loader of each extending plugin',
      '  permission java.lang.RuntimePermission "getClassLoader";',
      '};',
      '',
    ].join('\n'),
  },
  {
    name: 'analysis-common',
    artifact: {
      groupId: 'org.opensearch.plugin',
      artifactId: 'analysis-common',
      version: OPENSEARCH_VERSION,
      type: 'jar',
    },
    description: 'Adds "built in" analyzers to OpenSearch.',
    classname: 'org.opensearch.analysis.common.CommonAnalysisPlugin',
    extendedPlugins: ['lang-painless'],
  },
];

/**
 * Japanese analysis plugins looked up on Maven Central for this version (mvn dependency:get of
 * org.opensearch.plugin:analysis-kuromoji and analysis-icu, as jar and as zip): none is
 * published there, so the node analyzes Japanese with cjk_bigram from analysis-common.
 */
export const UNPUBLISHED_PLUGINS = ['analysis-kuromoji', 'analysis-icu'] as const;

/** The plugin-descriptor.properties of a module, as the upstream build writes it. */
export function pluginDescriptor(module: ModuleRecipe): string {
  return [
    `description=${module.description}`,
    `version=${module.artifact.version}`,
    `name=${module.name}`,
    `classname=${module.classname}`,
    'java.version=11',
    `opensearch.version=${OPENSEARCH_VERSION}`,
    `extended.plugins=${module.extendedPlugins.join(',')}`,
    'has.native.controller=false',
    '',
  ].join('\n');
}

export function coordinates(artifact: MavenArtifact): string {
  return `${artifact.groupId}:${artifact.artifactId}:${artifact.version}:${artifact.type}`;
}
