import { ConfigError } from '@mangaassist/config';
import { isAbsolute } from 'node:path';
import { loadGuardrailsConfig } from './guardrails.config';

describe('loadGuardrailsConfig', () => {
  it('works with an empty environment', () => {
    const config = loadGuardrailsConfig({});
    expect(config).toMatchObject({
      GUARDRAILS_HOST: '127.0.0.1',
      GUARDRAILS_PORT: 50055,
      LOG_FORMAT: 'pretty',
      GUARDRAILS_GROUNDING_WARN_BELOW: 0.87,
      GUARDRAILS_GROUNDING_BLOCK_BELOW: 0.63,
      GUARDRAILS_INJECTION_WARN_AT: 0.667,
      GUARDRAILS_INJECTION_BLOCK_AT: 0.833,
      GUARDRAILS_NAME_TAGGER: 'on',
      GUARDRAILS_NAME_TAGGER_THRESHOLD: 0.9,
    });
    expect(config.GUARDRAILS_PII_TRAIN_PATH).toMatch(/data\/guardrails\/pii\.dev\.jsonl$/);
    expect(config.GUARDRAILS_INJECTION_TRAIN_PATH).toMatch(
      /data\/guardrails\/injection\.train\.jsonl$/,
    );
    expect(isAbsolute(config.GUARDRAILS_CATALOG_PATH)).toBe(true);
    expect(config.GUARDRAILS_CATALOG_PATH).toMatch(/data\/catalog\/catalog\.jsonl$/);
  });

  it('reads the thresholds and port from the environment', () => {
    const config = loadGuardrailsConfig({
      GUARDRAILS_PORT: '6000',
      GUARDRAILS_GROUNDING_WARN_BELOW: '0.8',
      GUARDRAILS_GROUNDING_BLOCK_BELOW: '0.3',
    });
    expect(config.GUARDRAILS_PORT).toBe(6000);
    expect(config.GUARDRAILS_GROUNDING_WARN_BELOW).toBe(0.8);
    expect(config.GUARDRAILS_GROUNDING_BLOCK_BELOW).toBe(0.3);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadGuardrailsConfig({ GUARDRAILS_GROUNDING_WARN_BELOW: '1.5' })).toThrow(
      /GUARDRAILS_GROUNDING_WARN_BELOW/,
    );
    expect(() => loadGuardrailsConfig({ GUARDRAILS_PORT: 'abc' })).toThrow(ConfigError);
    expect(() =>
      loadGuardrailsConfig({
        GUARDRAILS_GROUNDING_WARN_BELOW: '0.4',
        GUARDRAILS_GROUNDING_BLOCK_BELOW: '0.6',
      }),
    ).toThrow(/GUARDRAILS_GROUNDING_BLOCK_BELOW: must not be above/);
    expect(() =>
      loadGuardrailsConfig({
        GUARDRAILS_INJECTION_WARN_AT: '0.9',
        GUARDRAILS_INJECTION_BLOCK_AT: '0.5',
      }),
    ).toThrow(/GUARDRAILS_INJECTION_WARN_AT: must not be above/);
    expect(() => loadGuardrailsConfig({ GUARDRAILS_INJECTION_BLOCK_AT: 'high' })).toThrow(
      /GUARDRAILS_INJECTION_BLOCK_AT/,
    );
    expect(() => loadGuardrailsConfig({ GUARDRAILS_NAME_TAGGER: 'maybe' })).toThrow(
      /GUARDRAILS_NAME_TAGGER/,
    );
    expect(() => loadGuardrailsConfig({ GUARDRAILS_NAME_TAGGER_THRESHOLD: '2' })).toThrow(
      /GUARDRAILS_NAME_TAGGER_THRESHOLD/,
    );
  });
});
