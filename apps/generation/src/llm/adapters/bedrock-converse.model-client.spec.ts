import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type ConverseStreamOutput,
  ModelStreamErrorException,
  ThrottlingException,
} from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { ModelCallError, type ModelCall, type ModelEvent } from '../model-client';
import { BedrockConverseModelClient, toModelCallError } from './bedrock-converse.model-client';

const CALL: ModelCall = {
  modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
  system: 'system prompt',
  user: 'user prompt',
  maxOutputTokens: 450,
  temperature: 0.2,
  traceId: 'trace-1',
};

async function* events(...items: ConverseStreamOutput[]): AsyncIterable<ConverseStreamOutput> {
  for (const item of items) yield item;
}

/** The options the adapter passed to client.send (the mock records them after the command). */
function sendOptions(args: readonly unknown[]): { abortSignal?: AbortSignal } | undefined {
  return args[1] as { abortSignal?: AbortSignal } | undefined;
}

async function collect(stream: AsyncIterable<ModelEvent>): Promise<ModelEvent[]> {
  const out: ModelEvent[] = [];
  for await (const event of stream) out.push(event);
  return out;
}

/** The adapter at the SDK boundary, with the client mocked by aws-sdk-client-mock. */
describe('BedrockConverseModelClient (aws-sdk-client-mock)', () => {
  const bedrock = mockClient(BedrockRuntimeClient);
  const client = new BedrockConverseModelClient(new BedrockRuntimeClient({ region: 'us-east-1' }));

  beforeEach(() => bedrock.reset());
  afterAll(() => bedrock.restore());

  it('sends one ConverseStream command with the prompt and maps the event union', async () => {
    bedrock.on(ConverseStreamCommand).resolves({
      stream: events(
        { messageStart: { role: 'assistant' } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Naruto is complete ' } } },
        {
          contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'in 72 volumes. [MA-0002]' } },
        },
        { contentBlockStop: { contentBlockIndex: 0 } },
        { messageStop: { stopReason: 'end_turn' } },
        {
          metadata: {
            usage: { inputTokens: 700, outputTokens: 12, totalTokens: 712 },
            metrics: { latencyMs: 300 },
          },
        },
      ),
    });
    expect(await collect(client.stream(CALL, new AbortController().signal))).toEqual([
      { kind: 'text', text: 'Naruto is complete ' },
      { kind: 'text', text: 'in 72 volumes. [MA-0002]' },
      { kind: 'stop', reason: 'complete' },
      { kind: 'usage', inputTokens: 700, outputTokens: 12 },
    ]);
    const calls = bedrock.commandCalls(ConverseStreamCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input).toEqual({
      modelId: CALL.modelId,
      system: [{ text: 'system prompt' }],
      messages: [{ role: 'user', content: [{ text: 'user prompt' }] }],
      inferenceConfig: { maxTokens: 450, temperature: 0.2 },
      requestMetadata: { trace_id: 'trace-1' },
    });
  });

  it('passes an abort signal to the SDK that follows the caller and closes after the stream', async () => {
    const abort = new AbortController();
    bedrock.on(ConverseStreamCommand).callsFake(async () => {
      abort.abort();
      return {
        stream: events({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'x' } } }),
      };
    });
    await collect(client.stream(CALL, abort.signal)).catch(() => undefined);
    const options = sendOptions(bedrock.commandCalls(ConverseStreamCommand)[0].args);
    expect(options?.abortSignal).toBeDefined();
    expect(options?.abortSignal?.aborted).toBe(true);
  });

  it('aborts the SDK signal once the stream is over, so no HTTP/2 stream outlives its reader', async () => {
    bedrock.on(ConverseStreamCommand).resolves({
      stream: events({ messageStop: { stopReason: 'end_turn' } }),
    });
    const abort = new AbortController();
    await collect(client.stream(CALL, abort.signal));
    const options = sendOptions(bedrock.commandCalls(ConverseStreamCommand)[0].args);
    expect(abort.signal.aborted).toBe(false);
    expect(options?.abortSignal?.aborted).toBe(true);
  });

  it('maps a ThrottlingException from the SDK to a retryable throttled failure', async () => {
    bedrock
      .on(ConverseStreamCommand)
      .rejects(new ThrottlingException({ message: 'Too many requests', $metadata: {} }));
    const error = await collect(client.stream(CALL, new AbortController().signal)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as ModelCallError).kind).toBe('throttled');
    expect((error as ModelCallError).retryable).toBe(true);
  });

  it('fails on a ModelStreamErrorException raised while reading', async () => {
    bedrock.on(ConverseStreamCommand).resolves({
      stream: (async function* (): AsyncIterable<ConverseStreamOutput> {
        yield { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'ONE PIECEは' } } };
        throw new ModelStreamErrorException({ message: 'interrupted', $metadata: {} });
      })(),
    });
    const seen: ModelEvent[] = [];
    const error = await (async () => {
      for await (const event of client.stream(CALL, new AbortController().signal)) seen.push(event);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ kind: 'text', text: 'ONE PIECEは' }]);
    expect((error as ModelCallError).kind).toBe('error');
  });

  it('treats a stream without messageStop as failed, not complete', async () => {
    bedrock.on(ConverseStreamCommand).resolves({
      stream: events({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'half an' } } }),
    });
    await expect(collect(client.stream(CALL, new AbortController().signal))).rejects.toMatchObject({
      kind: 'error',
    });
  });

  it.each([
    ['ServiceUnavailableException', 'unavailable'],
    ['InternalServerException', 'unavailable'],
    ['ModelTimeoutException', 'timeout'],
    ['ValidationException', 'error'],
    ['AccessDeniedException', 'error'],
  ])('classifies %s as %s', (name, kind) => {
    const error = Object.assign(new Error('boom'), { name });
    expect(toModelCallError(error, undefined).kind).toBe(kind);
  });

  it('classifies a failure after the caller aborted as cancelled', () => {
    const abort = new AbortController();
    abort.abort();
    expect(toModelCallError(new Error('socket hang up'), abort.signal).kind).toBe('cancelled');
  });
});
