import {
  BedrockRuntimeClient,
  InvokeModelCommand,
  type InvokeModelCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { BedrockEmbeddingError, BedrockTitanEmbedder } from './bedrock-titan.embedder';

const bedrock = mockClient(BedrockRuntimeClient);

/** Response bytes as the SDK hands them over (a Uint8Array blob). */
function bytes(text: string): InvokeModelCommandOutput['body'] {
  return new TextEncoder().encode(text) as InvokeModelCommandOutput['body'];
}

/** The response body of amazon.titan-embed-text-v2:0 as Bedrock sends it. */
function titanBody(embedding: number[], tokens = 4): InvokeModelCommandOutput['body'] {
  return bytes(
    JSON.stringify({
      embedding,
      embeddingsByType: { float: embedding },
      inputTextTokenCount: tokens,
    }),
  );
}

describe('BedrockTitanEmbedder (at the SDK boundary, Titan V2 wire format)', () => {
  beforeEach(() => bedrock.reset());

  const embedder = () =>
    new BedrockTitanEmbedder(new BedrockRuntimeClient({ region: 'ap-northeast-1' }), {
      modelId: 'amazon.titan-embed-text-v2:0',
      dimensions: 256,
      concurrency: 2,
    });

  it('sends one InvokeModel per text with the Titan V2 request body (ja + en)', async () => {
    bedrock.on(InvokeModelCommand).callsFake((input: { body: string }) => {
      const text = JSON.parse(input.body).inputText as string;
      return {
        body: titanBody(Array.from({ length: 256 }, (_, i) => (i === text.length ? 3 : 0))),
      };
    });
    const vectors = await embedder().embed(['ワンピース', 'one piece'], 'query');
    const calls = bedrock.commandCalls(InvokeModelCommand);
    expect(calls).toHaveLength(2);
    const requests = calls.map((c) => c.args[0].input);
    expect(requests[0]).toMatchObject({
      modelId: 'amazon.titan-embed-text-v2:0',
      contentType: 'application/json',
      accept: 'application/json',
    });
    expect(requests.map((r) => JSON.parse(String(r.body)))).toEqual([
      { inputText: 'ワンピース', dimensions: 256, normalize: true },
      { inputText: 'one piece', dimensions: 256, normalize: true },
    ]);
    // Results stay in input order and come back unit length.
    expect(vectors[0][5]).toBeCloseTo(1);
    expect(vectors[1][9]).toBeCloseTo(1);
  });

  it('names the model and size in its id and refuses sizes Titan V2 does not have', () => {
    expect(embedder().modelId).toBe('amazon.titan-embed-text-v2:0/256');
    expect(
      () =>
        new BedrockTitanEmbedder(new BedrockRuntimeClient({}), {
          modelId: 'amazon.titan-embed-text-v2:0',
          dimensions: 300,
        }),
    ).toThrow(/256, 512 or 1024/);
  });

  it('sends a blank text as one space, since Titan rejects an empty inputText', async () => {
    bedrock.on(InvokeModelCommand).resolves({ body: titanBody(Array(256).fill(0.1)) });
    await embedder().embed(['   '], 'document');
    const body = JSON.parse(String(bedrock.commandCalls(InvokeModelCommand)[0].args[0].input.body));
    expect(body.inputText).toBe(' ');
  });

  it('reports a malformed or mis-sized response and passes Bedrock errors through', async () => {
    bedrock.on(InvokeModelCommand).resolves({ body: bytes('{"message":"x"}') });
    await expect(embedder().embed(['a'], 'query')).rejects.toThrow(BedrockEmbeddingError);
    bedrock.on(InvokeModelCommand).resolves({ body: titanBody([0.1, 0.2]) });
    await expect(embedder().embed(['a'], 'query')).rejects.toThrow(
      /got 2 dimensions, asked for 256/,
    );
    bedrock
      .on(InvokeModelCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(embedder().embed(['a'], 'query')).rejects.toThrow(/Rate exceeded/);
  });
});
