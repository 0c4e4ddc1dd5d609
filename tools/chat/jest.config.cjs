module.exports = {
  displayName: 'chat',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
