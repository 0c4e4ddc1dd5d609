import { CitationExtractor } from './citation-extractor';

const CITABLE = new Map([
  ['MA-0001', 'ONE PIECE'],
  ['MA-0002', 'NARUTO -ナルト-'],
  ['POL-001', '送料と送料無料の条件'],
]);

/** Feeds the text in the given pieces, as a model would stream it. */
function run(pieces: string[]): { shown: string[]; text: string; extractor: CitationExtractor } {
  const extractor = new CitationExtractor(CITABLE);
  const shown = pieces.map((p) => extractor.push(p));
  shown.push(extractor.flush());
  return { shown, text: shown.join(''), extractor };
}

describe('CitationExtractor', () => {
  it('removes English markers and the space before them, citing in order of first use', () => {
    const { text, extractor } = run([
      'Naruto is complete in 72 volumes [MA-0002]. ',
      'One Piece has 116 [MA-0001] and [MA-0002] again.',
    ]);
    expect(text).toBe('Naruto is complete in 72 volumes. One Piece has 116 and again.');
    expect(extractor.citations).toEqual([
      { id: 'MA-0002', title: 'NARUTO -ナルト-' },
      { id: 'MA-0001', title: 'ONE PIECE' },
    ]);
  });

  it('handles Japanese full-width brackets and several ids in one marker', () => {
    const { text, extractor } = run([
      '送料は440円です。【POL-001】',
      'ONE PIECEは116巻です［MA-0001、MA-0002］。',
    ]);
    expect(text).toBe('送料は440円です。ONE PIECEは116巻です。');
    expect(extractor.citations.map((c) => c.id)).toEqual(['POL-001', 'MA-0001', 'MA-0002']);
  });

  it('recognises a marker split across deltas and holds back only while it might be one', () => {
    const { shown, text } = run([
      'One Piece has 116 volumes [MA',
      '-00',
      '01]. Next',
      ' one [soon].',
    ]);
    expect(text).toBe('One Piece has 116 volumes. Next one [soon].');
    expect(shown[0]).toBe('One Piece has 116 volumes');
    expect(shown[1]).toBe('');
  });

  it('keeps bracketed prose and an unclosed bracket as written', () => {
    expect(run(['Volumes [1-23] are a set. [note'].concat([])).text).toBe(
      'Volumes [1-23] are a set. [note',
    );
    expect(run(['A list:\n[see below\n]']).text).toBe('A list:\n[see below\n]');
  });

  it('never cites an id the evidence did not carry, but still hides its marker', () => {
    const { text, extractor } = run(['Dragon Ball has 42 volumes [MA-0005].']);
    expect(text).toBe('Dragon Ball has 42 volumes.');
    expect(extractor.citations).toEqual([]);
    expect(extractor.unknownIds).toEqual(['MA-0005']);
  });
});
