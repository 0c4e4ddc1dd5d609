module.exports = {
  displayName: 'event-bus',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
