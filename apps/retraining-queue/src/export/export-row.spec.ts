import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { type Intent, IntentSchema, QueueItemSchema, Rating } from '@mangaassist/contracts';
import { englishTrace, feedbackOn, traceIdOf } from '../testing/event-fixtures';
import { enumLabel, float32, toExportRow } from './export-row';

describe('toExportRow', () => {
  it('keeps an enum value added by a newer producer as its number', () => {
    const id = traceIdOf(1);
    const row = toExportRow(
      create(QueueItemSchema, {
        traceId: id,
        trace: englishTrace(id, { intent: 42 as Intent }),
        feedback: [feedbackOn(id, 7 as Rating)],
        updatedAt: timestampFromMs(Date.UTC(2025, 3, 1)),
      }),
    );
    expect(row.intent).toBe('42');
    expect(row.feedback[0].rating).toBe('7');
    expect(row.negative).toBe(false);
    expect(enumLabel(IntentSchema, 1)).toBe('product_search');
  });

  it('refuses an item without updated_at rather than inventing one', () => {
    expect(() => toExportRow(create(QueueItemSchema, { traceId: traceIdOf(2) }))).toThrow(
      /has no updated_at/,
    );
  });
});

describe('float32', () => {
  it.each([0.93, 0.1, 0.875, 1e-7, 123456.5, 0, -2.5, 3.4028235e38])(
    'writes %p as its shortest float32 form',
    (value) => {
      expect(float32(Math.fround(value))).toBe(value);
    },
  );

  it('keeps a value that needs every digit', () => {
    const odd = Math.fround(0.123456789);
    expect(Math.fround(float32(odd))).toBe(odd);
    expect(String(float32(odd)).length).toBeLessThanOrEqual(11);
  });
});
