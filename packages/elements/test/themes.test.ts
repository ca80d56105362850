import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import axe from 'axe-core';
import type { LmsProvider } from '@lms-kit/elements';
import { screenshot } from '../../../test/helpers/commands.js';
import { GALLERY_ELEMENTS, galleryElement, renderGallery } from './element-gallery.js';
import { VIEW_ELEMENTS, renderViews } from './views-gallery.js';

const THEMES = ['light', 'dark', 'high-contrast'] as const;

/** Every axe violation (colour contrast included) of the gallery's elements, as one line each. */
async function axeViolations(provider: LmsProvider, names: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const name of names) {
    const results = await axe.run(galleryElement(provider, name), { resultTypes: ['violations'] });
    for (const violation of results.violations)
      for (const node of violation.nodes) problems.push(`${name}: ${violation.id} at ${node.target.join(' ')}: ${node.failureSummary}`);
  }
  return problems;
}

/** The system's highlight colour as computed here. */
function highlight(): string {
  const probe = document.body.appendChild(document.createElement('div'));
  probe.style.backgroundColor = 'Highlight';
  const colour = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return colour;
}

const baseOf = (provider: LmsProvider, name: string) => galleryElement(provider, name).shadowRoot!.querySelector('[part~="base"]')!;

describe('themes', function () {
  this.timeout(120_000);
  before(() => setViewport({ width: 1100, height: 900 }));
  afterEach(() => emulateMedia({ colorScheme: 'light', forcedColors: 'none' }));

  for (const theme of THEMES) {
    it(`${theme}: every element in its main states passes axe, colour contrast included`, async () => {
      const provider = await renderGallery('en', theme);
      const expected = { light: 'rgb(31, 41, 55)', dark: 'rgb(243, 244, 246)', 'high-contrast': 'rgb(0, 0, 0)' }[theme];
      const text = () => getComputedStyle(baseOf(provider, 'lms-progress')).color;
      // The dark and high-contrast palettes load on first use.
      await waitUntil(() => text() === expected, `the theme did not reach the shadow roots: ${text()}`);
      for (const name of GALLERY_ELEMENTS) await screenshot(`[data-gallery="${name}"]`, `${theme}-${name}`, 'themes');
      expect(await axeViolations(provider, GALLERY_ELEMENTS)).to.deep.equal([]);
      provider.remove();
      const views = await renderViews('en', theme);
      await waitUntil(() => getComputedStyle(baseOf(views, 'lms-catalog')).color === expected, 'the theme reached the views');
      for (const name of VIEW_ELEMENTS) await screenshot(`[data-gallery="${name}"]`, `${theme}-${name}`, 'themes');
      expect(await axeViolations(views, VIEW_ELEMENTS)).to.deep.equal([]);
      views.remove();
    });
  }

  it('auto follows the system: dark under prefers-color-scheme dark, light otherwise', async () => {
    const provider = await renderGallery('en', 'auto');
    const text = () => getComputedStyle(baseOf(provider, 'lms-progress')).color;
    expect(text()).to.equal('rgb(31, 41, 55)');
    await emulateMedia({ colorScheme: 'dark' });
    await waitUntil(() => text() === 'rgb(243, 244, 246)', `still ${text()}`);
    provider.theme = 'light';
    await waitUntil(() => text() === 'rgb(31, 41, 55)', 'an explicit light theme wins over the system');
    provider.remove();
  });

  it('a site’s own tokens (its brand) override the theme, and changing the theme keeps the services', async () => {
    const provider = await renderGallery('en', 'dark');
    await waitUntil(() => getComputedStyle(baseOf(provider, 'lms-progress')).color === 'rgb(243, 244, 246)', 'dark');
    provider.style.setProperty('--lms-color-accent', '#fbbf24');
    const start = galleryElement(provider, 'lms-quiz.intro').shadowRoot!.querySelector('.start')!;
    expect(getComputedStyle(start).backgroundColor).to.equal('rgb(251, 191, 36)');
    const progress = baseOf(provider, 'lms-progress').textContent;
    provider.theme = 'high-contrast';
    await waitUntil(() => getComputedStyle(baseOf(provider, 'lms-progress')).color === 'rgb(0, 0, 0)', 'high contrast');
    expect(baseOf(provider, 'lms-progress').textContent, 'nothing reloaded').to.equal(progress);
    provider.remove();
  });

  it('forced colours (Windows high contrast): system colours, visible bars, borders and focus', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const provider = await renderGallery('en');
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const player = galleryElement(provider, 'lms-course-player').shadowRoot!;
    const fill = player.querySelector('[part="progress-bar"] > div')!;
    const track = fill.parentElement!;
    expect(getComputedStyle(fill).backgroundColor, 'the bar fill is in the system highlight').to.equal(highlight());
    expect(highlight()).to.not.equal(getComputedStyle(track).backgroundColor);
    expect(getComputedStyle(track).borderStyle, 'the bar track is outlined').to.equal('solid');
    const start = galleryElement(provider, 'lms-quiz.intro').shadowRoot!.querySelector<HTMLButtonElement>('.start')!;
    expect(getComputedStyle(start).borderStyle, 'buttons have a border').to.equal('solid');
    start.focus({ focusVisible: true } as FocusOptions);
    const outline = getComputedStyle(start);
    expect(outline.outlineStyle, 'focus is visible').to.equal('solid');
    expect(parseFloat(outline.outlineWidth)).to.be.at.least(2);
    const icon = player.querySelector('svg.icon')!;
    expect(getComputedStyle(icon).fill, 'icons draw with the text colour').to.equal(getComputedStyle(icon.parentElement!).color);
    for (const name of GALLERY_ELEMENTS) await screenshot(`[data-gallery="${name}"]`, `forced-colors-${name}`, 'themes');
    expect(await axeViolations(provider, GALLERY_ELEMENTS)).to.deep.equal([]);
    provider.remove();
  });
});
