import { Format, Intent, type CatalogItem } from '@mangaassist/contracts';
import { AnswerBuilder, type ComposedAnswer } from './composed-answer';
import type { ComposeInput } from './compose-input';
import { focusItem } from './focus-item';
import { ItemFacts, type SoldFormat } from './item-facts';
import { type Facet, detectFacets, mentionedFormat, mentionedVolume } from './question-facets';
import { formatVolumeNumber, joinList } from './value-format';

/** How many other evidence items a "similar titles" answer names. */
const MAX_SIMILAR = 3;

/** Facets about buying an edition: only these make a named format worth a price sentence. */
const BUYING_FACETS = new Set<Facet>(['price', 'formats', 'stock', 'box_set']);

/**
 * Answers product_question, availability_price and release_preorder turns about the focus
 * series, one or two sentences per facet the question asks about, every value copied from the
 * catalog record. What was already said is remembered so that facets that overlap (volume count
 * and status, price and format) are not stated twice.
 */
export class ProductAnswerComposer {
  private readonly facts: ItemFacts;
  private readonly builder: AnswerBuilder;
  private readonly said = new Set<string>();

  constructor(
    private readonly input: ComposeInput,
    private readonly items: readonly CatalogItem[],
  ) {
    const item = focusItem(items, input.question, input.history);
    this.facts = new ItemFacts(item, input.locale);
    this.builder = new AnswerBuilder(input.locale);
  }

  compose(): ComposedAnswer {
    const f = this.facts;
    this.builder.cite(f.id, f.title);
    const facets = this.facetsToAnswer();
    const volume = this.input.entities?.volume || mentionedVolume(this.input.question);
    const format = this.requestedFormat(facets);

    if (volume) this.volume(volume);
    if (format) this.format(format);
    if (facets.length === 0 && !volume && !format) this.profile();

    for (const facet of facets) {
      if (volume && (facet === 'volumes' || facet === 'next_volume')) continue;
      // A named format was answered with its price and availability already.
      if (format && (facet === 'formats' || facet === 'price')) continue;
      if (format === 'kindle' && facet === 'stock') continue;
      this.facet(facet);
    }
    return this.builder.build();
  }

  private facetsToAnswer(): Facet[] {
    const detected = detectFacets(this.input.question);
    // The status sentence carries the volume count and the end year, so it answers both.
    const facets = detected.includes('status')
      ? detected.filter((facet) => facet !== 'volumes')
      : detected;
    if (facets.length > 0) return facets;
    // A bare "ワンピース" classified as a price or release question still wants those facts.
    if (this.input.intent === Intent.AVAILABILITY_PRICE) return ['price', 'stock'];
    if (this.input.intent === Intent.RELEASE_PREORDER) return ['next_volume'];
    return [];
  }

  /**
   * The edition the shopper named, when the question is about buying it. "単行本は何巻まで" /
   * "how many tankobon" names the print edition only as a word for volumes: a question with
   * other facets and none about price, formats or stock gets no price sentence for it.
   */
  private requestedFormat(facets: readonly Facet[]): SoldFormat | undefined {
    const buying = facets.some((f) => BUYING_FACETS.has(f));
    if (facets.length > 0 && !buying) return undefined;
    const format = this.input.entities?.format;
    if (format === Format.PRINT) return 'print';
    if (format === Format.KINDLE) return 'kindle';
    return mentionedFormat(this.input.question);
  }

  private facet(facet: Facet): void {
    switch (facet) {
      case 'volumes':
        return this.volumes();
      case 'status':
        return this.status();
      case 'author':
        return this.author();
      case 'start_year':
        return this.startYear();
      case 'publisher':
        return this.publisher();
      case 'synopsis':
        return this.synopsis();
      case 'genre':
        return this.genre();
      case 'formats':
        return this.formats();
      case 'price':
        return this.price();
      case 'stock':
        return this.stock();
      case 'next_volume':
        return this.nextVolume();
      case 'box_set':
        return this.boxSet();
      case 'age_rating':
        return this.ageRating();
      case 'similar':
        return this.similar();
    }
  }

  private get ja(): boolean {
    return this.input.locale === 'ja';
  }

  /** 『T』は at the start of the answer, nothing later (Japanese drops a known topic). */
  private get topicJa(): string {
    return this.builder.isEmpty ? `${this.facts.quotedTitle}は` : '';
  }

  /** 『T』の at the start of the answer, nothing later. */
  private get ofJa(): string {
    return this.builder.isEmpty ? `${this.facts.quotedTitle}の` : '';
  }

  /** The title as the subject of the first English sentence, "It" afterwards. */
  private get subjectEn(): string {
    return this.builder.isEmpty ? this.facts.title : 'It';
  }

  private once(key: string): boolean {
    if (this.said.has(key)) return false;
    this.said.add(key);
    return true;
  }

  private profile(): void {
    const f = this.facts;
    this.builder.say(
      this.ja
        ? `${f.titleWithOther}は${f.authorNames}の作品です`
        : `${f.titleWithOther} is by ${f.authorNames}`,
    );
    this.status();
    this.price();
  }

  private volumes(): void {
    if (this.said.has('status') || !this.once('volumes')) return;
    const f = this.facts;
    if (f.status === 'completed') {
      this.said.add('status');
      this.builder.say(
        this.ja
          ? `${this.topicJa}全${f.volumeCount}で完結しています`
          : `${this.subjectEn} is complete in ${f.volumeCount}`,
      );
    } else if (f.status === 'hiatus') {
      this.said.add('status');
      this.builder.say(
        this.ja
          ? `${this.topicJa}現在${f.volumeCount}まで発売されています（休載中）`
          : `${this.subjectEn} has ${f.volumeCount} out so far and is currently on hiatus`,
      );
    } else {
      this.builder.say(
        this.ja
          ? `${this.topicJa}現在${f.volumeCount}まで発売されています`
          : `${this.subjectEn} has ${f.volumeCount} out so far`,
      );
    }
  }

  /** The status always carries the volume count, so it also answers "how many volumes". */
  private status(): void {
    if (this.said.has('status')) return;
    this.said.add('status');
    const f = this.facts;
    const countKnown = this.said.has('volumes');
    this.said.add('volumes');
    if (f.status === 'completed') {
      const year = f.endYear;
      if (this.ja) {
        const detail = [countKnown ? '' : `全${f.volumeCount}`, year ? `${year}完結` : '']
          .filter((p) => p !== '')
          .join('、');
        this.builder.say(`${this.topicJa}完結済みです${detail ? `（${detail}）` : ''}`);
      } else {
        const count = countKnown ? '' : ` with ${f.volumeCount}`;
        this.builder.say(
          year
            ? `${this.subjectEn} is completed: it ended in ${year}${count}`
            : `${this.subjectEn} is completed${count}`,
        );
      }
    } else if (f.status === 'hiatus') {
      this.builder.say(
        this.ja
          ? `${this.topicJa}現在休載中です${countKnown ? '' : `（既刊${f.volumeCount}）`}`
          : `${this.subjectEn} is currently on hiatus${countKnown ? '' : `, with ${f.volumeCount} out so far`}`,
      );
    } else {
      this.builder.say(
        this.ja
          ? `${this.topicJa}連載中${countKnown ? 'です' : `で、現在${f.volumeCount}まで発売されています`}`
          : `${this.subjectEn} is ongoing${countKnown ? '' : `, with ${f.volumeCount} out so far`}`,
      );
    }
  }

  private author(): void {
    if (!this.once('author')) return;
    const f = this.facts;
    const credit = f.authorCredit;
    const lead = this.builder.isEmpty;
    if (credit.sameForBoth) {
      const names = joinList(credit.story.length > 0 ? credit.story : credit.art, f.locale);
      const drawn = credit.art.length > 0;
      this.builder.say(
        this.ja
          ? `${this.ofJa}作者は${names}です`
          : `${lead ? f.title : 'It'} is ${drawn ? 'written and drawn' : 'written'} by ${names}`,
      );
      return;
    }
    const story = joinList(credit.story, f.locale);
    const art = joinList(credit.art, f.locale);
    this.builder.say(
      this.ja
        ? `${this.ofJa}原作は${story}、作画は${art}です`
        : `${lead ? f.title : 'It'} is written by ${story} and drawn by ${art}`,
    );
  }

  private startYear(): void {
    if (!this.once('start_year')) return;
    const year = this.facts.startYear;
    if (!year) return;
    this.builder.say(
      this.ja
        ? `${this.ofJa}連載開始は${year}です`
        : `${this.subjectEn} began serialization in ${year}`,
    );
  }

  private publisher(): void {
    if (!this.once('publisher')) return;
    const f = this.facts;
    const magazines = f.magazines;
    if (this.ja) {
      this.builder.say(`${this.ofJa}出版社は${f.publisher}です`);
      if (magazines.length > 0) {
        this.builder.say(`掲載誌は${magazines.map((m) => `「${m}」`).join('→')}です`);
      }
      return;
    }
    const subject = this.subjectEn;
    if (magazines.length === 0) this.builder.say(`${subject} is published by ${f.publisher}`);
    else if (magazines.length === 1)
      this.builder.say(
        `${subject} is published by ${f.publisher} and serialized in ${magazines[0]}`,
      );
    else
      this.builder.say(
        `${subject} is published by ${f.publisher} and was serialized in ${magazines.join(', then ')}`,
      );
  }

  private synopsis(): void {
    if (!this.once('synopsis')) return;
    const f = this.facts;
    if (this.ja) this.builder.say(`${this.ofJa}あらすじ：${f.synopsis}`);
    else
      this.builder.say(
        this.builder.isEmpty
          ? `Here is what ${f.title} is about: ${f.synopsis}`
          : `The story: ${f.synopsis}`,
      );
  }

  private genre(): void {
    if (!this.once('genre')) return;
    const f = this.facts;
    const demographic = f.demographicLabel;
    if (this.ja) {
      const genres = f.genreLabels.join('・');
      this.builder.say(
        demographic
          ? `${this.ofJa}ジャンルは${genres}で、${demographic}です`
          : `${this.ofJa}ジャンルは${genres}です`,
      );
      return;
    }
    const themes = f.themes.slice(0, 3);
    const base = demographic
      ? `${this.subjectEn} is a ${demographic} series in ${joinList(f.genreLabels, 'en')}`
      : `${this.subjectEn} is in ${joinList(f.genreLabels, 'en')}`;
    this.builder.say(
      themes.length > 0 ? `${base}, with themes like ${joinList(themes, 'en')}` : base,
    );
  }

  private formats(): void {
    if (!this.once('formats')) return;
    const f = this.facts;
    const sold = f.soldFormats;
    if (sold.length === 2) {
      this.builder.say(
        this.ja
          ? `${this.topicJa}紙の本とKindle版の両方でお買い求めいただけます`
          : `${this.subjectEn} is available in print and on Kindle`,
      );
    } else if (sold[0] === 'print') {
      this.said.add('print_only');
      this.builder.say(
        this.ja
          ? `${this.topicJa}紙の本のみの取り扱いです（Kindle版はありません）`
          : `${this.subjectEn} is sold in print only (no Kindle edition)`,
      );
    } else if (sold[0] === 'kindle') {
      this.said.add('kindle_only');
      this.builder.say(
        this.ja
          ? `${this.topicJa}Kindle版のみの取り扱いです（紙の本はありません）`
          : `${this.subjectEn} is sold on Kindle only (no print edition)`,
      );
    } else {
      this.builder.say(
        this.ja
          ? `申し訳ありません、${this.ofJa}販売形式の情報が見つかりませんでした`
          : `Sorry, I couldn't find which formats ${f.title} is sold in`,
      );
    }
  }

  /** A format the shopper named: sold (with its price) or not (with what is sold instead). */
  private format(format: SoldFormat): void {
    this.said.add('formats');
    this.said.add('price');
    const f = this.facts;
    const price = f.price(format);
    if (price) {
      this.builder.say(
        this.ja
          ? `${this.ofJa}${f.formatName(format)}は販売中で、価格は各巻${price}（税込）です`
          : `${this.subjectEn} is available ${onFormat(format)} at ${price} per volume (tax included)`,
      );
      return;
    }
    const lead = this.builder.isEmpty;
    this.builder.say(
      this.ja
        ? `申し訳ありません、${this.ofJa}${f.formatName(format)}は取り扱っていません`
        : `Sorry, ${lead ? f.title : 'this series'} is not available ${onFormat(format)}`,
    );
    for (const other of f.soldFormats) {
      const otherPrice = f.price(other);
      if (!otherPrice) continue;
      this.builder.say(
        this.ja
          ? `${f.formatName(other)}は各巻${otherPrice}（税込）で販売しています`
          : `It is sold ${onFormat(other)} at ${otherPrice} per volume (tax included)`,
      );
    }
  }

  private price(): void {
    if (!this.once('price')) return;
    const f = this.facts;
    const priced = f.soldFormats
      .map((format) => ({ format, price: f.price(format) }))
      .filter((p): p is { format: SoldFormat; price: string } => p.price !== undefined);
    if (priced.length === 0) {
      this.builder.say(
        this.ja
          ? `申し訳ありません、${this.ofJa}価格の情報が見つかりませんでした`
          : `Sorry, I couldn't find a price for ${f.title}`,
      );
      return;
    }
    if (this.ja) {
      const list = priced.map((p) => `${f.formatName(p.format)}${p.price}`).join('、');
      this.builder.say(`${this.ofJa}価格は各巻、${list}（税込）です`);
      return;
    }
    const subject = this.builder.isEmpty ? f.title : 'It';
    if (priced.length === 1) {
      this.builder.say(
        `${subject} costs ${priced[0].price} per volume (${priced[0].format === 'print' ? 'print' : 'Kindle'} only, tax included)`,
      );
      return;
    }
    const list = priced.map((p) => `${p.price} ${onFormat(p.format)}`).join(' and ');
    this.builder.say(`${subject} costs ${list} per volume (tax included)`);
  }

  private stock(): void {
    if (!this.once('stock')) return;
    const f = this.facts;
    const label = f.stockLabel;
    if (!label) {
      if (this.said.has('kindle_only')) return;
      this.builder.say(
        this.ja
          ? `${this.topicJa}Kindle版のみの取り扱いのため、紙の本の在庫はありません`
          : `${this.subjectEn} is sold on Kindle only, so there is no print stock`,
      );
      return;
    }
    const lead = this.builder.isEmpty;
    this.builder.say(
      this.ja
        ? `${this.ofJa}紙の本の在庫状況は「${label}」です`
        : `The print edition${lead ? ` of ${f.title}` : ''} is currently marked ${label}`,
    );
    if (f.stockCode !== 'in_stock' && f.sells('kindle')) {
      this.builder.say(this.ja ? 'Kindle版も販売しています' : 'The Kindle edition is also sold');
    }
  }

  private nextVolume(): void {
    if (!this.once('next_volume')) return;
    const f = this.facts;
    const next = f.nextVolume;
    if (next) {
      this.builder.say(
        this.ja
          ? `${this.ofJa}次の巻（${next.label}）は${next.date}発売予定です`
          : `The next volume${this.builder.isEmpty ? ` of ${f.title}` : ''}, ${next.label}, is scheduled for release on ${next.date}`,
      );
      this.preorder(next.preorder);
      return;
    }
    const countKnown = this.said.has('volumes');
    if (f.status === 'completed') {
      this.builder.say(
        this.ja
          ? countKnown
            ? '次の巻の予定はありません'
            : `${this.topicJa}全${f.volumeCount}で完結しているため、次の巻の予定はありません`
          : countKnown
            ? 'No further volumes are planned'
            : `${this.subjectEn} is complete in ${f.volumeCount}, so no further volumes are planned`,
      );
      this.said.add('volumes');
      return;
    }
    this.builder.say(
      this.ja
        ? `${this.ofJa}次の巻の発売日はまだ発表されていません${countKnown ? '' : `（既刊${f.volumeCount}）`}`
        : `The next volume${this.builder.isEmpty ? ` of ${f.title}` : ''} has not been announced yet${countKnown ? '' : `; ${f.volumeCount} are out so far`}`,
    );
    this.said.add('volumes');
  }

  private preorder(open: boolean): void {
    this.builder.say(
      this.ja
        ? open
          ? '現在、予約を受け付けています'
          : '予約の受付はまだ始まっていません'
        : open
          ? 'Preorders are open now'
          : 'Preorders have not opened yet',
    );
  }

  /** A volume the shopper named: published, the announced next one, or not announced. */
  private volume(volume: number): void {
    this.said.add('volumes');
    this.said.add('next_volume');
    const f = this.facts;
    const published = f.item.volumesPublished;
    const next = f.nextVolume;
    const label = formatVolumeNumber(volume, f.locale);
    const labelEn = `Volume ${volume}`;
    if (volume <= published) {
      const count =
        f.status === 'completed'
          ? this.ja
            ? `全${f.volumeCount}`
            : `${f.volumeCount} in total`
          : this.ja
            ? `既刊${f.volumeCount}`
            : `${f.volumeCount} so far`;
      this.builder.say(
        this.ja
          ? `${f.quotedTitle}${label}は発売済みです（${count}）`
          : `${labelEn} of ${f.title} is already out (${count})`,
      );
      return;
    }
    if (next && next.number === volume) {
      this.builder.say(
        this.ja
          ? `${f.quotedTitle}${label}は${next.date}発売予定です`
          : `${labelEn} of ${f.title} is scheduled for release on ${next.date}`,
      );
      this.preorder(next.preorder);
      return;
    }
    if (f.status === 'completed') {
      this.said.add('status');
      this.builder.say(
        this.ja
          ? `${f.quotedTitle}は全${f.volumeCount}で完結しているため、${label}は発売されません`
          : `${f.title} is complete in ${f.volumeCount}, so there is no ${label}`,
      );
      return;
    }
    this.builder.say(
      this.ja
        ? `${f.quotedTitle}${label}の発売はまだ発表されていません（既刊${f.volumeCount}）`
        : `${labelEn} of ${f.title} has not been announced yet; ${f.volumeCount} are out so far`,
    );
    if (next) {
      this.builder.say(
        this.ja
          ? `次の巻（${next.label}）は${next.date}発売予定です`
          : `The next one, ${next.label}, is scheduled for release on ${next.date}`,
      );
      this.preorder(next.preorder);
    }
  }

  private boxSet(): void {
    if (!this.once('box_set')) return;
    const f = this.facts;
    const set = f.boxSet;
    const lead = this.builder.isEmpty;
    if (set) {
      this.builder.say(
        this.ja
          ? `${this.ofJa}ボックスセット（${set.volumes}）は${set.price}（税込）です`
          : `A box set of ${lead ? f.title : 'this series'} (${set.volumes}) is available for ${set.price} (tax included)`,
      );
      return;
    }
    this.builder.say(
      this.ja
        ? `申し訳ありません、${this.ofJa}ボックスセットは取り扱っていません`
        : `Sorry, we don't carry a box set of ${lead ? f.title : 'this series'}`,
    );
  }

  private ageRating(): void {
    if (!this.once('age_rating')) return;
    const label = this.facts.ageRatingLabel;
    this.builder.say(
      this.ja ? `${this.ofJa}年齢区分は「${label}」です` : `${this.subjectEn} is rated ${label}`,
    );
  }

  private similar(): void {
    if (!this.once('similar')) return;
    const f = this.facts;
    const others = this.items.filter((item) => item.id !== f.id);
    const preferred = [
      ...f.similarIds
        .map((id) => others.find((item) => item.id === id))
        .filter((item): item is CatalogItem => item !== undefined),
      ...others.filter((item) => !f.similarIds.includes(item.id)),
    ].slice(0, MAX_SIMILAR);
    if (preferred.length === 0) {
      this.builder.say(
        this.ja
          ? '似た作品の情報は見つかりませんでした'
          : "I couldn't find similar titles for this series",
      );
      this.genre();
      return;
    }
    const similar = preferred.map((item) => new ItemFacts(item, f.locale));
    const lead = this.builder.isEmpty;
    const titles = joinList(
      similar.map((s) => s.quotedTitle),
      f.locale,
    );
    this.builder.say(
      this.ja
        ? `${lead ? `${f.quotedTitle}が好きな方には、` : 'また、'}${titles}もおすすめです`
        : `If you like ${f.title}, you might also enjoy ${titles}`,
    );
    for (const s of similar) this.builder.cite(s.id, s.title);
  }
}

function onFormat(format: SoldFormat): string {
  return format === 'print' ? 'in print' : 'on Kindle';
}
