import { type Entities, EntitiesSchema } from '@mangaassist/contracts';
import { create } from '@bufbuild/protobuf';
import { extractFormat } from './format.extractor';
import { extractOrderId } from './order-id.extractor';
import { extractMaxPrice } from './price-limit.extractor';
import type { TitleExtractor } from './title.extractor';
import { extractVolume } from './volume.extractor';

/** Runs every extractor over one message and assembles the Entities message. */
export class EntityExtractor {
  constructor(private readonly titles: TitleExtractor) {}

  extract(text: string): Entities {
    const title = this.titles.extract(text);
    return create(EntitiesSchema, {
      titleMention: title?.mention ?? '',
      titleIds: title?.ids ?? [],
      volume: extractVolume(text),
      orderId: extractOrderId(text),
      format: extractFormat(text),
      maxPriceJpy: extractMaxPrice(text),
    });
  }
}
