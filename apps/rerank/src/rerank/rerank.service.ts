import type { Hit } from '@mangaassist/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { RERANKER, type Reranker } from './reranker';
import type { RerankPlan } from './rerank-request';

/** One reranked candidate. */
export interface RankedCandidate {
  hit: Hit;
  score: number;
  retrievalRank: number;
}

export interface RerankResult {
  results: RankedCandidate[];
  modelVersion: string;
}

/** Scores the candidates with the configured reranker and keeps the best top_n. */
@Injectable()
export class RerankService {
  constructor(@Inject(RERANKER) private readonly reranker: Reranker) {}

  async rerank(plan: RerankPlan): Promise<RerankResult> {
    const modelVersion = this.reranker.modelVersion();
    if (plan.candidates.length === 0) return { results: [], modelVersion };
    const scores = await this.reranker.score(plan.query, plan.candidates);
    const ranked = plan.candidates.map((candidate, i) => ({
      hit: candidate.hit,
      retrievalRank: candidate.retrievalRank,
      // A model that emits NaN must not scramble the order; such a candidate goes last.
      score: Number.isFinite(scores[i]) ? scores[i] : Number.NEGATIVE_INFINITY,
    }));
    // Ties keep retrieval's order, so the same request always gives the same answer.
    ranked.sort((a, b) => b.score - a.score || a.retrievalRank - b.retrievalRank);
    return { results: ranked.slice(0, plan.topN), modelVersion };
  }
}
