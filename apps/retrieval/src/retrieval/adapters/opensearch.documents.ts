import { createHash } from 'node:crypto';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { type Document, DocumentSchema } from '@mangaassist/contracts';
import { SEARCH_FIELDS, type SearchField, documentFields } from '../analysis/index-fields';
import { documentFacts, passesFilter } from '../document-filter';

/** What one document is indexed as: analyzed fields, filter facts and the document bytes. */
export type OpenSearchSource = Partial<Record<SearchField, string>> & {
  doc_id: string;
  kind: 'item' | 'policy';
  demographic?: string;
  status?: string;
  formats?: string[];
  in_stock?: boolean;
  age_rank?: number;
  price_print?: number;
  price_kindle?: number;
  price_min?: number;
  topic?: string;
  content_hash: string;
  /** The Document message, protobuf binary in base64. */
  document: string;
  embedding?: number[];
};

export interface PreparedDocument {
  id: string;
  document: Document;
  bytes: Uint8Array;
  source: OpenSearchSource;
}

/** The source of a document, or undefined for one without content or id. */
export function prepareDocument(document: Document): PreparedDocument | undefined {
  const fields = documentFields(document);
  const facts = documentFacts(document);
  if (!fields || !facts || !fields.id) return undefined;
  const bytes = toBinary(DocumentSchema, document);
  const source: OpenSearchSource = {
    doc_id: fields.id,
    kind: facts.kind,
    content_hash: createHash('sha256').update(bytes).digest('hex'),
    document: Buffer.from(bytes).toString('base64'),
  };
  for (const field of SEARCH_FIELDS) {
    if (fields[field].trim()) source[field] = fields[field];
  }
  if (facts.kind === 'item') {
    const sold = [facts.prices.print, facts.prices.kindle].filter(
      (p): p is number => p !== undefined,
    );
    Object.assign(source, {
      demographic: facts.demographic,
      status: facts.status,
      formats: [...facts.formats],
      // The stock rule is document-filter's own, so both backends agree on "in stock".
      in_stock: passesFilter(facts, { inStockOnly: true }),
      age_rank: facts.ageRank,
      ...(facts.prices.print !== undefined ? { price_print: facts.prices.print } : {}),
      ...(facts.prices.kindle !== undefined ? { price_kindle: facts.prices.kindle } : {}),
      ...(sold.length > 0 ? { price_min: Math.min(...sold) } : {}),
    });
  } else {
    source.topic = facts.topic;
  }
  return { id: fields.id, document, bytes, source };
}

/**
 * A corpus as indexed: documents without content skipped, the first of a repeated id kept (the
 * store loader reports later ones), sorted by id so that its version ignores input order.
 */
export function prepareCorpus(documents: readonly Document[]): PreparedDocument[] {
  const byId = new Map<string, PreparedDocument>();
  for (const document of documents) {
    const prepared = prepareDocument(document);
    if (prepared && !byId.has(prepared.id)) byId.set(prepared.id, prepared);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function decodeDocument(base64: string): Document {
  return fromBinary(DocumentSchema, Buffer.from(base64, 'base64'));
}
