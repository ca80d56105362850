/**
 * Charts of `<lms-report>` drawn with uPlot (about 20 KiB min+gz, canvas, fast with many points),
 * loaded with the report only. A canvas says nothing to a screen reader: every chart is hidden from
 * assistive technology and names the table that holds its data.
 */
import uPlot, { type AlignedData, type Options } from 'uplot';

export interface ChartSpec {
  kind: 'line' | 'bars';
  /** Category labels (bars) or ISO dates (line). */
  labels: string[];
  series: Array<{ label: string; values: number[]; color: ChartColor }>;
}

/** A colour token of the elements (`--_accent`…), read on the host: charts follow the theme and forced colours. */
export type ChartColor = 'accent' | 'success' | 'danger';

function tokenColour(host: HTMLElement, name: ChartColor | 'text' | 'border'): string {
  return getComputedStyle(host).getPropertyValue(`--_${name}`).trim();
}

export function drawChart(host: HTMLElement, spec: ChartSpec, width: number): uPlot {
  const x = spec.kind === 'line' ? spec.labels.map((d) => Date.parse(d) / 1000) : spec.labels.map((_, i) => i);
  const data = [x, ...spec.series.map((s) => s.values)] as AlignedData;
  const bars = uPlot.paths.bars?.({ size: [0.8 / Math.max(1, spec.series.length), 64] });
  const axis = {
    stroke: tokenColour(host, 'text'),
    grid: { stroke: tokenColour(host, 'border') },
    ticks: { stroke: tokenColour(host, 'border') },
  };
  const options: Options = {
    width,
    height: 220,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: { x: { time: spec.kind === 'line' }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    axes: [
      {
        ...axis,
        ...(spec.kind === 'bars' ? { values: (_u: uPlot, splits: number[]) => splits.map((i) => spec.labels[i] ?? ''), space: 24 } : {}),
      },
      { ...axis, size: 48 },
    ],
    series: [
      {},
      ...spec.series.map((s) => ({
        label: s.label,
        stroke: tokenColour(host, s.color),
        fill: spec.kind === 'bars' ? tokenColour(host, s.color) : undefined,
        width: 2,
        points: { show: spec.kind === 'line' },
        ...(spec.kind === 'bars' && bars ? { paths: bars } : {}),
      })),
    ],
  };
  if (spec.kind === 'bars') options.scales!.x = { time: false, range: [-0.5, spec.labels.length - 0.5] };
  return new uPlot(options, data, host);
}
