module.exports = {
  displayName: 'text',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
