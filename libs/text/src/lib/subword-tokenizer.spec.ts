import { SubwordTokenizer, TokenizerError } from './subword-tokenizer';

const WORDPIECE_VOCAB = [
  '[PAD]',
  '[UNK]',
  '[CLS]',
  '[SEP]',
  'one',
  'piece',
  'pirate',
  '##s',
  'un',
  '##able',
  '海',
  '賊',
  'ワン',
  '##ヒース',
  ',',
  'cafe',
];

function bertJson(post: object) {
  return JSON.stringify({
    normalizer: { type: 'BertNormalizer', lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: post,
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      vocab: Object.fromEntries(WORDPIECE_VOCAB.map((t, i) => [t, i])),
    },
  });
}

describe('SubwordTokenizer: WordPiece (BERT)', () => {
  const bert = SubwordTokenizer.fromJson(
    bertJson({ type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] }),
  );

  it('lowercases, strips accents, splits punctuation and CJK ideographs, and finds subwords', () => {
    expect(bert.tokenize('ONE Piece, pirates')).toEqual([4, 5, 14, 6, 7]);
    expect(bert.tokenize('Café')).toEqual([15]);
    expect(bert.tokenize('unable')).toEqual([8, 9]);
    // Kanji are split one by one (BERT's "Chinese characters"); katakana stays a word, and
    // accent stripping drops its sound marks (ピ -> ヒ), exactly as uncased BERT does.
    expect(bert.tokenize('海賊')).toEqual([10, 11]);
    expect(bert.tokenize('ワンピース')).toEqual([12, 13]);
  });

  it('gives [UNK] for a word with any unknown part', () => {
    expect(bert.tokenize('piecez')).toEqual([1]);
  });

  it('adds [CLS]/[SEP], segments a pair, and truncates the longer text first', () => {
    expect(bert.encode('one piece')).toEqual({
      ids: [2, 4, 5, 3],
      typeIds: [0, 0, 0, 0],
      attentionMask: [1, 1, 1, 1],
    });
    const pair = bert.encode('one', 'piece pirates');
    expect(pair.ids).toEqual([2, 4, 3, 5, 6, 7, 3]);
    expect(pair.typeIds).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(bert.encode('one', 'piece pirates', 5).ids).toEqual([2, 4, 3, 5, 3]);
  });

  it('reads a vocab.txt with BERT defaults', () => {
    const fromVocab = SubwordTokenizer.fromBertVocab(WORDPIECE_VOCAB.join('\n'), {
      lowercase: true,
    });
    expect(fromVocab.encode('One Piece').ids).toEqual([2, 4, 5, 3]);
    expect(fromVocab.tokenId('[PAD]')).toBe(0);
  });
});

describe('SubwordTokenizer: Unigram (SentencePiece, XLM-R style)', () => {
  const vocab: [string, number][] = [
    ['<s>', 0],
    ['<pad>', 0],
    ['</s>', 0],
    ['<unk>', 0],
    ['▁one', -2],
    ['▁piece', -3],
    ['▁pi', -4],
    ['ece', -4],
    ['▁', -5],
    ['海', -6],
    ['賊', -6],
    ['海賊', -4],
  ];
  const unigram = SubwordTokenizer.fromJson(
    JSON.stringify({
      normalizer: {
        type: 'Sequence',
        normalizers: [{ type: 'Precompiled' }, { type: 'Lowercase' }],
      },
      pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always' },
      post_processor: { type: 'RobertaProcessing', sep: ['</s>', 2], cls: ['<s>', 0] },
      model: { type: 'Unigram', unk_id: 3, vocab },
    }),
  );

  it('picks the most probable segmentation (Viterbi) and folds width (NFKC)', () => {
    expect(unigram.tokenize('One Piece')).toEqual([4, 5]);
    expect(unigram.tokenize('ＯＮＥ')).toEqual([4]);
    expect(unigram.tokenize('海賊')).toEqual([8, 11]);
  });

  it('collapses unknown characters into one <unk> and adds RoBERTa specials', () => {
    expect(unigram.tokenize('xyz')).toEqual([8, 3]);
    expect(unigram.encode('one', 'piece').ids).toEqual([0, 4, 2, 2, 5, 2]);
  });
});

describe('SubwordTokenizer: bad files', () => {
  it('names what it does not understand', () => {
    expect(() => SubwordTokenizer.fromJson('{', 'x.json')).toThrow(/x\.json: not JSON/);
    expect(() =>
      SubwordTokenizer.fromJson(JSON.stringify({ model: { type: 'BPE', vocab: {}, merges: [] } })),
    ).toThrow(TokenizerError);
    expect(() =>
      SubwordTokenizer.fromJson(
        JSON.stringify({ model: { type: 'WordPiece', unk_token: '[UNK]', vocab: { a: 0 } } }),
      ),
    ).toThrow(/unk_token \[UNK\] not in vocab/);
  });
});
