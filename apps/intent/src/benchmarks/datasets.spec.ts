import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateBanking77, readBanking77Csv } from './banking77.dataset';
import { readClinc150 } from './clinc150.dataset';
import { parseXsidConll, readXsidJapanese } from './xsid.dataset';

const FIXTURES = join(__dirname, 'fixtures');

describe('benchmark data set readers', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'intent-datasets-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads CLINC150 with the OOS splits joined as the "oos" class', async () => {
    const splits = await readClinc150(join(FIXTURES, 'clinc150-mini.json'));
    expect(splits.train).toHaveLength(21);
    expect(splits.val).toHaveLength(4);
    expect(splits.test).toHaveLength(5);
    expect(splits.train.filter((e) => e.label === 'oos')).toHaveLength(3);
    expect(splits.test[4]).toEqual({ text: 'write me a poem', label: 'oos' });
  });

  it('names the split and the problem in a file that is not CLINC150', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify({ train: [['hi', 'greeting']], val: [] }));
    await expect(readClinc150(path)).rejects.toThrow(
      /bad\.json: not a CLINC150 data_full\.json: test/,
    );
    await writeFile(path, '{');
    await expect(readClinc150(path)).rejects.toThrow(/bad\.json: cannot read CLINC150 data/);
  });

  it('reads BANKING77 CSVs with quoted commas, quotes and newlines', async () => {
    const files = await locateBanking77(join(FIXTURES, 'banking77-mini'));
    expect(files.testPath).toBe(join(FIXTURES, 'banking77-mini', 'test.csv'));
    expect(await locateBanking77(files.trainPath)).toEqual(files);
    const train = await readBanking77Csv(files.trainPath);
    expect(train).toHaveLength(18);
    expect(train).toContainEqual({
      text: 'still waiting for my card,\nit has been a week',
      label: 'card_arrival',
    });
    expect(train).toContainEqual({ text: 'how are "rates" calculated', label: 'exchange_rate' });
  });

  it('refuses a CSV without the BANKING77 header, and a path that is not train.csv', async () => {
    const path = join(dir, 'train.csv');
    await writeFile(path, 'sentence,label\nhi,x\n');
    await expect(readBanking77Csv(path)).rejects.toThrow(/expected the header "text,category"/);
    await expect(locateBanking77(join(dir, 'nothing'))).rejects.toThrow(/no such file or folder/);
    await writeFile(join(dir, 'other.csv'), '');
    await expect(locateBanking77(join(dir, 'other.csv'))).rejects.toThrow(/its train\.csv/);
  });

  it('joins xSID Japanese tokens without spaces and keeps the intent', async () => {
    const sentences = await readXsidJapanese(join(FIXTURES, 'xsid-mini'));
    expect(sentences.map((s) => s.text)).toEqual([
      '明日は雨が降りますか？',
      '午前7時にアラームをセットして',
      'リマインダーを削除して',
    ]);
    expect(sentences.map((s) => s.intent)).toEqual([
      'weather/find',
      'alarm/set_alarm',
      'reminder/cancel_reminder',
    ]);
    expect(sentences[0].file).toBe('ja.test.conll');
  });

  it('joins English tokens with a space when asked, and skips blocks without an intent', async () => {
    const conll =
      '# text = set alarm\n# intent = alarm/set_alarm\n1\tset\ta\tO\n2\talarm\ta\tO\n\n# text = x\n1\tx\ty\tO\n';
    expect(parseXsidConll(conll, 'en.conll', ' ')).toEqual([
      { file: 'en.conll', text: 'set alarm', intent: 'alarm/set_alarm' },
    ]);
    await expect(readXsidJapanese(join(dir, 'none'))).rejects.toThrow(/no such file or folder/);
  });
});
