module.exports = {
  displayName: 'kafka',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  // Each integration file starts its own broker (a JVM of up to 512 MB); one at a time.
  maxWorkers: 1,
};
