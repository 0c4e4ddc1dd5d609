module.exports = {
  displayName: 'guardrails',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
