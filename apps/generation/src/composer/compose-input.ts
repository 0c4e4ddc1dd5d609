import type { Document, Entities, HistoryTurn, Intent, Route } from '@mangaassist/contracts';
import type { LocaleCode } from '@mangaassist/text';

/** Everything a composer may use: the request with its locale resolved and defaults applied. */
export interface ComposeInput {
  question: string;
  locale: LocaleCode;
  intent: Intent;
  route: Route;
  entities: Entities | undefined;
  /** Best first; only these documents may be stated or cited. */
  evidence: readonly Document[];
  /** Oldest first. */
  history: readonly HistoryTurn[];
  signedIn: boolean;
}
