import type { ReportTable, TableColumn } from '@lms-kit/runtime/report';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, type TemplateResult } from 'lit';
import { formatDate, formatDuration } from '../../i18n/localize.js';

/** Tables with more rows than this render only the rows in view (a virtualized list). */
export const VIRTUALIZE_FROM = 200;

export function formatCell(locale: string, column: TableColumn<never>, value: string | number | null): string {
  if (value === null || value === '') return '–';
  switch (column.format) {
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Number(value));
    case 'duration':
      return formatDuration(locale, Number(value));
    case 'date':
      return formatDate(locale, String(value));
    case 'number':
      return new Intl.NumberFormat(locale).format(Number(value));
    default:
      return String(value);
  }
}

/**
 * A table with a caption and header. Large tables keep ARIA table semantics (`aria-rowcount`,
 * `aria-rowindex`) while only the rows in view exist in the DOM.
 */
export function renderTable(
  table: ReportTable<never>,
  options: { caption: string; header: (key: string) => string; locale: string; actions: TemplateResult },
): TemplateResult {
  const { caption, header, locale } = options;
  const cells = (row: never) => table.columns.map((c) => formatCell(locale, c, c.value(row)));
  if (table.rows.length < VIRTUALIZE_FROM)
    return html`<div class="table-wrap">
      <table id="table-${table.id}">
        <caption>
          ${caption} ${options.actions}
        </caption>
        <thead>
          <tr>
            ${table.columns.map((c) => html`<th scope="col">${header(c.key)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            (row) =>
              html`<tr>
                ${cells(row).map((v) => html`<td>${v}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  const columns = `repeat(${table.columns.length}, minmax(6rem, 1fr))`;
  return html`<div class="table-wrap">
    <p id="caption-${table.id}" class="caption">${caption} ${options.actions}</p>
    <div id="table-${table.id}" role="table" aria-labelledby="caption-${table.id}" aria-rowcount=${table.rows.length + 1} class="grid">
      <div role="rowgroup">
        <div role="row" aria-rowindex="1" class="row head" style="grid-template-columns:${columns}">
          ${table.columns.map((c) => html`<span role="columnheader">${header(c.key)}</span>`)}
        </div>
      </div>
      <div role="rowgroup" class="scroller" tabindex="0" aria-label=${caption}>
        ${virtualize({
          scroller: true,
          items: table.rows,
          renderItem: (row: never, index: number) =>
            html`<div role="row" aria-rowindex=${index + 2} class="row" style="grid-template-columns:${columns}">
              ${cells(row).map((v) => html`<span role="cell">${v}</span>`)}
            </div>`,
        })}
      </div>
    </div>
  </div>`;
}
