import { findJava, parseJavaMajor } from './java-runtime';

describe('parseJavaMajor', () => {
  it('reads modern and legacy version strings', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('command not found')).toBeUndefined();
  });
});

describe('findJava', () => {
  it('names OPENSEARCH_JAVA_HOME when it points at no Java', () => {
    expect(() => findJava({ OPENSEARCH_JAVA_HOME: '/nonexistent/jdk' })).toThrow(
      /OPENSEARCH_JAVA_HOME=\/nonexistent\/jdk has no runnable bin\/java/,
    );
  });
});
