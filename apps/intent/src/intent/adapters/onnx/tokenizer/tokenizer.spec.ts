import { join } from 'node:path';
import { toByteLevel } from './byte-level';
import { Tokenizer } from './tokenizer';

const FIXTURES = join(__dirname, '..', 'testing', 'fixtures');

describe('Tokenizer (tokenizer.json)', () => {
  describe('WordPiece with a BERT normalizer and template', () => {
    let tokenizer: Tokenizer;

    beforeAll(async () => {
      tokenizer = await Tokenizer.fromFile(join(FIXTURES, 'wordpiece-tokenizer.json'));
    });

    it('lowercases, splits punctuation and adds [CLS] ... [SEP]', () => {
      expect(tokenizer.encode('Where is my ORDER?').ids).toEqual([2, 7, 8, 9, 10, 16, 3]);
    });

    it('uses ## continuation pieces and [UNK] for words it cannot cover', () => {
      expect(tokenizer.encode('returned').ids).toEqual([2, 5, 6, 3]);
      expect(tokenizer.encode('refundable').ids).toEqual([2, 1, 3]);
    });

    it('strips accents, and splits kanji one by one while kana stays a word', () => {
      expect(tokenizer.encode('Café!').ids).toEqual([2, 18, 17, 3]);
      expect(tokenizer.encode('返品したい').ids).toEqual([2, 11, 12, 19, 3]);
      expect(tokenizer.encode('注文 天気').ids).toEqual([2, 13, 14, 21, 22, 3]);
    });

    it('drops control characters and reads special tokens in the text as plain text', () => {
      expect(tokenizer.encode('hello\u0000\u0007').ids).toEqual([2, 15, 3]);
      // "[SEP]" typed by a shopper is three unknown pieces, never the separator (id 3).
      expect(tokenizer.encode('[SEP]').ids).toEqual([2, 1, 1, 1, 3]);
    });

    it('truncates to max_length including the special tokens', () => {
      const ids = tokenizer.encode('hello '.repeat(100)).ids;
      expect(ids).toHaveLength(16);
      expect(ids[0]).toBe(2);
      expect(ids[15]).toBe(3);
      expect(tokenizer.encode('').ids).toEqual([2, 3]);
    });
  });

  describe('byte-level BPE with RoBERTa specials', () => {
    let tokenizer: Tokenizer;

    beforeAll(async () => {
      tokenizer = await Tokenizer.fromFile(join(FIXTURES, 'bpe-tokenizer.json'));
    });

    it('maps bytes to GPT-2 characters', () => {
      expect(toByteLevel(' w')).toBe('Ġw');
      expect(toByteLevel('あ')).toBe('ãģĤ');
    });

    it('applies merges by rank and wraps the sequence in <s> ... </s>', () => {
      expect(tokenizer.encode('hello world').ids).toEqual([0, 15, 19, 2]);
      expect(tokenizer.encode('hello world!').ids).toEqual([0, 15, 19, 26, 2]);
    });

    it('encodes Japanese through its UTF-8 bytes', () => {
      expect(tokenizer.encode('あ').ids).toEqual([0, 25, 2]);
    });
  });

  it('names the file and the unsupported part of a tokenizer it cannot run', async () => {
    expect(() => new Tokenizer({ model: { type: 'Unigram', vocab: {} } })).toThrow(
      /model type "Unigram" is not supported/,
    );
    expect(
      () =>
        new Tokenizer({
          normalizer: { type: 'Precompiled' },
          model: { type: 'WordPiece', vocab: { '[UNK]': 0 }, unk_token: '[UNK]' },
        }),
    ).toThrow(/normalizer type "Precompiled"/);
    await expect(Tokenizer.fromFile(join(FIXTURES, 'missing.json'))).rejects.toThrow(
      /missing\.json: cannot read tokenizer/,
    );
  });
});
