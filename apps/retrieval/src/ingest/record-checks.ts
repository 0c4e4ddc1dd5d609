import type { CatalogRecord } from '@mangaassist/store-data';

/**
 * Rules a catalog record must follow beyond its schema, so that what retrieval filters on and
 * what generation quotes agree with itself: a price for every format sold and none for others,
 * print stock exactly when print is sold, an end year exactly for completed series and not
 * before the start, an announced next volume after the published ones. Each problem names the
 * field, as the schema's messages do.
 */
export function catalogRecordProblems(record: CatalogRecord): string[] {
  const problems: string[] = [];
  for (const format of ['print', 'kindle'] as const) {
    const sold = record.formats.includes(format);
    const price = record.price_jpy[format];
    if (sold && price === null) problems.push(`price_jpy.${format}: missing for a format sold`);
    if (!sold && price !== null) {
      problems.push(`price_jpy.${format}: set for a format not in formats`);
    }
  }
  const printSold = record.formats.includes('print');
  const stock = record.stock?.print ?? null;
  if (printSold && stock === null) problems.push('stock.print: missing for a print edition');
  if (!printSold && stock !== null) problems.push('stock.print: set without a print edition');
  if (record.status === 'completed' && record.end_year === null) {
    problems.push('end_year: missing for a completed series');
  }
  if (record.status !== 'completed' && record.end_year !== null) {
    problems.push(`end_year: set for a series that is ${record.status}`);
  }
  if (record.end_year !== null && record.end_year < record.start_year) {
    problems.push(`end_year: ${record.end_year} is before start_year ${record.start_year}`);
  }
  if (record.next_volume && record.next_volume.number <= record.volumes_published) {
    problems.push(
      `next_volume.number: ${record.next_volume.number} is not after volumes_published ${record.volumes_published}`,
    );
  }
  if (record.similar_to.includes(record.id)) problems.push('similar_to: lists the series itself');
  return problems;
}
