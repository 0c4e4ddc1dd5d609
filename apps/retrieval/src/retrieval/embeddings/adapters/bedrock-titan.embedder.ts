import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import { type Embedder, type EmbeddingPurpose, normalizeVector } from '../embedder';

export interface BedrockTitanOptions {
  /** amazon.titan-embed-text-v2:0, or an inference profile / provisioned model ARN. */
  modelId: string;
  /** 256, 512 or 1024: Titan V2's output sizes. */
  dimensions: number;
  /** Concurrent InvokeModel calls while embedding many texts (Titan takes one text per call). */
  concurrency?: number;
}

/** Titan V2 reads at most 50,000 characters (8,192 tokens) per request. */
const MAX_INPUT_CHARS = 50_000;

/** The response body of amazon.titan-embed-text-v2:0 (only the fields we read). */
const titanResponseSchema = z.object({
  embedding: z.array(z.number()).min(1),
  inputTextTokenCount: z.number().int().optional(),
});

export class BedrockEmbeddingError extends Error {
  override readonly name = 'BedrockEmbeddingError';
}

/**
 * Amazon Titan Text Embeddings V2 through Bedrock InvokeModel. Request body
 * `{"inputText", "dimensions", "normalize": true}`, response `{"embedding": [...],
 * "inputTextTokenCount"}` (Bedrock user guide, "Amazon Titan Text Embeddings"). Titan is
 * multilingual (Japanese included), so queries and documents of both languages share one space;
 * it has no query/document prefixes. Credentials come from the SDK's default chain.
 */
export class BedrockTitanEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  private readonly concurrency: number;
  private readonly bedrockModelId: string;

  constructor(
    private readonly client: BedrockRuntimeClient,
    options: BedrockTitanOptions,
  ) {
    if (![256, 512, 1024].includes(options.dimensions)) {
      throw new BedrockEmbeddingError(
        `Titan V2 dimensions must be 256, 512 or 1024 (got ${options.dimensions})`,
      );
    }
    this.modelId = `${options.modelId}/${options.dimensions}`;
    this.dimensions = options.dimensions;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.bedrockModelId = options.modelId;
  }

  static create(region: string, options: BedrockTitanOptions): BedrockTitanEmbedder {
    return new BedrockTitanEmbedder(new BedrockRuntimeClient({ region }), options);
  }

  async embed(texts: readonly string[], _purpose: EmbeddingPurpose): Promise<Float32Array[]> {
    const out: Float32Array[] = new Array(texts.length);
    let next = 0;
    const worker = async () => {
      while (next < texts.length) {
        const i = next++;
        out[i] = await this.embedOne(texts[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, texts.length) }, worker));
    return out;
  }

  private async embedOne(text: string): Promise<Float32Array> {
    // Titan rejects an empty inputText; a blank document still needs a (neutral) vector.
    const inputText = text.trim() === '' ? ' ' : text.slice(0, MAX_INPUT_CHARS);
    const response = await this.client.send(
      new InvokeModelCommand({
        modelId: this.bedrockModelId,
        contentType: 'application/json',
        accept: 'application/json',
        body: JSON.stringify({ inputText, dimensions: this.dimensions, normalize: true }),
      }),
    );
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(response.body));
    } catch (error) {
      throw new BedrockEmbeddingError(
        `${this.bedrockModelId}: response is not JSON: ${(error as Error).message}`,
      );
    }
    const parsed = titanResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new BedrockEmbeddingError(
        `${this.bedrockModelId}: unexpected response: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    if (parsed.data.embedding.length !== this.dimensions) {
      throw new BedrockEmbeddingError(
        `${this.bedrockModelId}: got ${parsed.data.embedding.length} dimensions, asked for ${this.dimensions}`,
      );
    }
    return normalizeVector(Float32Array.from(parsed.data.embedding));
  }
}
