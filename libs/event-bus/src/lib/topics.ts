/** Topic names are part of the public data contract (docs/data-contract.md). */
export const TOPICS = {
  chatTraces: 'mangaassist.chat.traces.v1',
  feedback: 'mangaassist.feedback.v1',
  retrainingDlq: 'mangaassist.retraining.dlq.v1',
} as const;

/** The `event-type` header of each event, dotted lowercase. */
export const EVENT_TYPES = {
  chatTraceRecorded: 'chat.trace.recorded',
  feedbackSubmitted: 'feedback.submitted',
  deadLetterRecorded: 'dead_letter.recorded',
} as const;

export const HEADERS = {
  /** W3C trace context of the producing span. */
  traceparent: 'traceparent',
  /** Dotted lowercase event type, e.g. feedback.submitted. */
  eventType: 'event-type',
  /** Fully qualified protobuf message name of the value. */
  messageType: 'message-type',
  contentType: 'content-type',
} as const;

export const PROTOBUF_CONTENT_TYPE = 'application/x-protobuf';
