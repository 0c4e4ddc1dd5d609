import type { CurvePoint } from './threshold-curves';

export interface ReportAnswer {
  answer: string;
  label: 'grounded' | 'hallucinated';
  locale: string;
  kind?: string;
  score: number;
  unsupported: readonly string[];
}

export interface CalibrationReport {
  file: string;
  generatedAt: string;
  answers: readonly ReportAnswer[];
  curve: readonly CurvePoint[];
  rocAuc: number;
  averagePrecision: number;
  targetPrecision: number;
  alertPrecision: number;
  block?: CurvePoint;
  alert?: CurvePoint;
  current: { warnBelow: number; blockBelow: number };
}

const SIZE = 360;
const PAD = 48;
const COLORS = { curve: '#1f5fa8', alert: '#d98000', block: '#c62828', grid: '#e4e4e4' };

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const f3 = (n: number) => n.toFixed(3);

/** Axes, grid and tick labels of a unit square chart. */
function frame(xLabel: string, yLabel: string): string {
  const parts: string[] = [];
  for (let i = 0; i <= 5; i++) {
    const v = i / 5;
    const x = PAD + v * SIZE;
    const y = PAD + (1 - v) * SIZE;
    parts.push(
      `<line x1="${x}" y1="${PAD}" x2="${x}" y2="${PAD + SIZE}" stroke="${COLORS.grid}"/>`,
      `<line x1="${PAD}" y1="${y}" x2="${PAD + SIZE}" y2="${y}" stroke="${COLORS.grid}"/>`,
      `<text x="${x}" y="${PAD + SIZE + 18}" text-anchor="middle">${v.toFixed(1)}</text>`,
      `<text x="${PAD - 8}" y="${y + 4}" text-anchor="end">${v.toFixed(1)}</text>`,
    );
  }
  parts.push(
    `<rect x="${PAD}" y="${PAD}" width="${SIZE}" height="${SIZE}" fill="none" stroke="#888"/>`,
    `<text x="${PAD + SIZE / 2}" y="${PAD + SIZE + 38}" text-anchor="middle" class="axis">${esc(xLabel)}</text>`,
    `<text transform="translate(14 ${PAD + SIZE / 2}) rotate(-90)" text-anchor="middle" class="axis">${esc(yLabel)}</text>`,
  );
  return parts.join('');
}

function toXY(x: number, y: number): [number, number] {
  return [PAD + x * SIZE, PAD + (1 - y) * SIZE];
}

function marker(x: number, y: number, color: string, label: string): string {
  const [cx, cy] = toXY(x, y);
  const anchor = cx > PAD + SIZE * 0.6 ? 'end' : 'start';
  const dx = anchor === 'end' ? -10 : 10;
  return `<circle cx="${cx}" cy="${cy}" r="7" fill="none" stroke="${color}" stroke-width="3"/><text x="${cx + dx}" y="${cy - 10}" text-anchor="${anchor}" fill="${color}" class="mark">${esc(label)}</text>`;
}

function chart(
  title: string,
  xLabel: string,
  yLabel: string,
  pts: readonly { x: number; y: number; tip: string }[],
  marks: string,
  diagonal: boolean,
): string {
  const path = pts
    .map((p) =>
      toXY(p.x, p.y)
        .map((v) => v.toFixed(1))
        .join(','),
    )
    .join(' ');
  const dots = pts
    .map((p) => {
      const [cx, cy] = toXY(p.x, p.y);
      return `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="3.5" fill="${COLORS.curve}"><title>${esc(p.tip)}</title></circle>`;
    })
    .join('');
  const diag = diagonal
    ? `<line x1="${PAD}" y1="${PAD + SIZE}" x2="${PAD + SIZE}" y2="${PAD}" stroke="#999" stroke-dasharray="5 5"/>`
    : '';
  return `<figure><figcaption>${esc(title)}</figcaption><svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${SIZE + PAD * 2} ${SIZE + PAD * 2}" width="${SIZE + PAD * 2}" height="${SIZE + PAD * 2}">${frame(xLabel, yLabel)}${diag}<polyline points="${path}" fill="none" stroke="${COLORS.curve}" stroke-width="2"/>${dots}${marks}</svg></figure>`;
}

function histogram(answers: readonly ReportAnswer[]): string {
  const bins = 10;
  const counts = {
    grounded: new Array<number>(bins).fill(0),
    hallucinated: new Array<number>(bins).fill(0),
  };
  for (const a of answers) counts[a.label][Math.min(bins - 1, Math.floor(a.score * bins))] += 1;
  const max = Math.max(1, ...counts.grounded, ...counts.hallucinated);
  const width = 560;
  const height = 220;
  const barW = width / bins / 2 - 4;
  const bars: string[] = [];
  for (let b = 0; b < bins; b++) {
    (['grounded', 'hallucinated'] as const).forEach((label, k) => {
      const h = (counts[label][b] / max) * height;
      const x = PAD + b * (width / bins) + 2 + k * (barW + 2);
      const y = PAD + height - h;
      const color = label === 'grounded' ? '#2e7d32' : COLORS.block;
      bars.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"><title>${label} ${(b / bins).toFixed(1)}-${((b + 1) / bins).toFixed(1)}: ${counts[label][b]}</title></rect>`,
      );
      if (counts[label][b] > 0) {
        bars.push(
          `<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle" class="small">${counts[label][b]}</text>`,
        );
      }
    });
    bars.push(
      `<text x="${PAD + b * (width / bins) + width / bins / 2}" y="${PAD + height + 16}" text-anchor="middle" class="small">${(b / bins).toFixed(1)}–${((b + 1) / bins).toFixed(1)}</text>`,
    );
  }
  return `<figure><figcaption>Grounding scores by label (green: grounded, red: hallucinated)</figcaption><svg role="img" aria-label="score histogram" viewBox="0 0 ${width + PAD * 2} ${height + PAD * 2}" width="${width + PAD * 2}" height="${height + PAD * 2}"><line x1="${PAD}" y1="${PAD + height}" x2="${PAD + width}" y2="${PAD + height}" stroke="#888"/>${bars.join('')}<text x="${PAD + width / 2}" y="${PAD + height + 38}" text-anchor="middle" class="axis">grounding score</text></svg></figure>`;
}

function pointRow(p: CurvePoint, tag = ''): string {
  return `<tr${tag ? ` class="${tag}"` : ''}><td>${f3(p.threshold)}</td><td>${p.tp}</td><td>${p.fp}</td><td>${p.fn}</td><td>${p.tn}</td><td>${f3(p.precision)}</td><td>${f3(p.recall)}</td><td>${f3(p.falsePositiveRate)}</td><td>${tag}</td></tr>`;
}

function answerRows(answers: readonly ReportAnswer[]): string {
  if (answers.length === 0) return '<p>None.</p>';
  return `<table><tr><th>score</th><th>locale</th><th>kind</th><th>answer</th><th>unsupported claims</th></tr>${answers
    .map(
      (a) =>
        `<tr><td>${f3(a.score)}</td><td>${a.locale}</td><td>${esc(a.kind ?? '')}</td><td class="text">${esc(a.answer)}</td><td>${esc(a.unsupported.join(', '))}</td></tr>`,
    )
    .join('')}</table>`;
}

/** A self-contained HTML page: ROC and PR curves as inline SVG, tables, the worst answers. */
export function renderCalibrationReport(report: CalibrationReport): string {
  const rocPoints = [...report.curve]
    .sort((a, b) => a.falsePositiveRate - b.falsePositiveRate || a.recall - b.recall)
    .map((p) => ({
      x: p.falsePositiveRate,
      y: p.recall,
      tip: `block/alert below ${f3(p.threshold)}: recall ${f3(p.recall)}, FPR ${f3(p.falsePositiveRate)}`,
    }));
  const prPoints = [...report.curve]
    .filter((p) => p.tp + p.fp > 0)
    .sort((a, b) => a.recall - b.recall)
    .map((p) => ({
      x: p.recall,
      y: p.precision,
      tip: `below ${f3(p.threshold)}: precision ${f3(p.precision)}, recall ${f3(p.recall)}`,
    }));
  const rocMarks = [
    report.alert &&
      marker(
        report.alert.falsePositiveRate,
        report.alert.recall,
        COLORS.alert,
        `alert < ${f3(report.alert.threshold)}`,
      ),
    report.block &&
      marker(
        report.block.falsePositiveRate,
        report.block.recall,
        COLORS.block,
        `block < ${f3(report.block.threshold)}`,
      ),
  ].join('');
  const prMarks = [
    report.alert &&
      marker(
        report.alert.recall,
        report.alert.precision,
        COLORS.alert,
        `alert < ${f3(report.alert.threshold)}`,
      ),
    report.block &&
      marker(
        report.block.recall,
        report.block.precision,
        COLORS.block,
        `block < ${f3(report.block.threshold)}`,
      ),
  ].join('');
  const grounded = report.answers.filter((a) => a.label === 'grounded').length;
  const missed = report.answers
    .filter(
      (a) => a.label === 'hallucinated' && (!report.alert || a.score >= report.alert.threshold),
    )
    .sort((a, b) => b.score - a.score);
  const falseAlarms = report.answers
    .filter((a) => a.label === 'grounded' && report.alert && a.score < report.alert.threshold)
    .sort((a, b) => a.score - b.score);
  const proposal = (name: string, p: CurvePoint | undefined, precision: number, env: string) =>
    p
      ? `<li><b>${name}</b>: <code>${env}=${f3(p.threshold)}</code> — precision ${f3(p.precision)} (target ≥ ${precision}), recall ${f3(p.recall)}, false-positive rate ${f3(p.falsePositiveRate)}</li>`
      : `<li><b>${name}</b>: no threshold reaches precision ${precision} on this file.</li>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Grounding calibration</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif;margin:24px auto;max-width:1100px;color:#222;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
.charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}
svg text{font-size:12px;fill:#333}svg text.axis{font-size:13px;font-weight:600}svg text.mark{font-size:13px;font-weight:700}svg text.small{font-size:10px}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}td,th{border:1px solid #ddd;padding:3px 7px;text-align:right}th{background:#f4f4f4}
td.text{text-align:left;max-width:560px}tr.alert td{background:#fff3e0}tr.block td{background:#ffebee}code{background:#f4f4f4;padding:1px 4px}
.summary li{margin:.2rem 0}
</style></head><body>
<h1>Grounding score calibration</h1>
<p>${esc(report.file)} — ${report.answers.length} labelled answers (${report.answers.length - grounded} hallucinated, ${grounded} grounded), generated ${esc(report.generatedAt)}.
A hallucination is <i>flagged</i> when its grounding score is below the threshold. ROC AUC ${f3(report.rocAuc)}, average precision ${f3(report.averagePrecision)}.</p>
<ul class="summary">
${proposal('Block', report.block, report.targetPrecision, 'GUARDRAILS_GROUNDING_BLOCK_BELOW')}
${proposal('Alert (warn)', report.alert, report.alertPrecision, 'GUARDRAILS_GROUNDING_WARN_BELOW')}
<li>Currently configured: warn below ${report.current.warnBelow}, block below ${report.current.blockBelow}.</li>
</ul>
<div class="charts">
${chart('ROC: hallucinations caught vs grounded answers flagged', 'false-positive rate (grounded answers flagged)', 'recall (hallucinations flagged)', rocPoints, rocMarks, true)}
${chart('Precision–recall', 'recall', 'precision', prPoints, prMarks, false)}
</div>
${histogram(report.answers)}
<h2>Operating points</h2>
<table><tr><th>flag below</th><th>TP</th><th>FP</th><th>FN</th><th>TN</th><th>precision</th><th>recall</th><th>FPR</th><th></th></tr>
${report.curve
  .map((p) => pointRow(p, p === report.block ? 'block' : p === report.alert ? 'alert' : ''))
  .join('\n')}
</table>
<h2>Hallucinations the alert threshold misses (${missed.length})</h2>
${answerRows(missed)}
<h2>Grounded answers the alert threshold flags (${falseAlarms.length})</h2>
${answerRows(falseAlarms)}
</body></html>
`;
}
