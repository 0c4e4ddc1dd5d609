import { z } from 'zod';
import { JsonLinesError, parseJsonLines } from './json-lines';

const schema = z.object({ text: z.string().min(1), locale: z.enum(['ja', 'en']) });

describe('parseJsonLines', () => {
  it('reads every valid line, Japanese and English, skipping blank ones', () => {
    const text =
      '{"text":"ワンピースの新刊","locale":"ja"}\n\n{"text":"new One Piece?","locale":"en"}\r\n';
    expect(parseJsonLines(text, 'x.jsonl', schema)).toEqual([
      { text: 'ワンピースの新刊', locale: 'ja' },
      { text: 'new One Piece?', locale: 'en' },
    ]);
  });

  it('refuses the whole text and names every bad line with its reason', () => {
    const text = '{"text":"ok","locale":"ja"}\nnot json\n{"text":"","locale":"fr"}\n';
    let error: unknown;
    try {
      parseJsonLines(text, 'data.jsonl', schema);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JsonLinesError);
    expect((error as JsonLinesError).problems).toEqual([
      'line 2: not JSON',
      expect.stringMatching(/^line 3: text: .*; locale: /),
    ]);
    expect((error as Error).message).toMatch(
      /^data\.jsonl: 2 bad line\(s\):\n {2}line 2: not JSON\n {2}line 3: /,
    );
  });
});
