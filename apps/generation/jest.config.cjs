module.exports = {
  displayName: 'generation',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
