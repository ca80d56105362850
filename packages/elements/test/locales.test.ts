import { expect } from '@open-wc/testing';
import { LOCALE_LOADERS } from '../src/i18n/locales.js';
import { formatDuration, loadLocale, resolveLocale, translate } from '../src/i18n/localize.js';
import type { MessageId, Messages } from '../src/i18n/messages-en.js';
import { messages as english } from '../src/i18n/locales/en.js';
import { catalogProblems } from './locale-check.js';

const LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ar', 'he', 'ja', 'zh-CN'];

/** Values that fill every placeholder of every message. */
const SAMPLE = { count: 3, index: 2, total: 5, done: 1, title: 'Intro', date: '1 May', time: '12:00', percent: '50 %' };
const params = (message: string) =>
  Object.fromEntries([...message.matchAll(/\{(\w+)/g)].map(([, name]) => [name, SAMPLE[name as keyof typeof SAMPLE] ?? 'x']));

describe('locales', () => {
  it('ships the nine locales, each a chunk of its own', () => {
    expect(Object.keys(LOCALE_LOADERS)).to.have.members(LOCALES);
  });

  for (const locale of LOCALES) {
    it(`${locale}: every English message, nothing else, valid ICU with the same placeholders and the language's plural categories`, async () => {
      const messages = await LOCALE_LOADERS[locale]();
      expect(catalogProblems(locale, messages, english)).to.deep.equal([]);
      await loadLocale(locale);
      for (const id of Object.keys(english) as MessageId[]) {
        const text = translate(locale, id, params(english[id]!));
        expect(text, `${locale} ${id}`).to.not.equal('');
        expect(text, `${locale} ${id} leaves a placeholder`).to.not.match(/[{}]/);
      }
    });
  }

  it('the check finds a missing message, an unknown one, an ICU error, a lost placeholder and wrong plural categories', () => {
    const broken: Messages = {
      ...english,
      'player.next': undefined,
      'player.lessonPosition': 'Leçon {index}',
      'player.minutes': '{count, plural, one {# minute} other {# minutes}',
      'progress.points': '{count, plural, one {# نقطة} other {# نقطة}}',
    };
    delete broken['player.next'];
    (broken as Record<string, string>)['player.nextt'] = 'Suivant';
    const problems = catalogProblems('ar', broken, english);
    expect(problems.join('\n')).to.include('missing player.next');
    expect(problems.join('\n')).to.include('unknown id player.nextt');
    expect(problems.join('\n')).to.include('player.minutes is not valid ICU');
    expect(problems.join('\n')).to.include('player.lessonPosition lacks {total}');
    expect(problems.join('\n')).to.include('progress.points lacks plural categories zero, two, few, many');
  });

  it('Arabic uses its six plural forms', async () => {
    await loadLocale('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => translate('ar', 'quiz.questionCount', { count }).replace(/[\u2068\u2069]/g, ''));
    // Digits are the locale's own (Latin for `ar` in current CLDR, Arabic-Indic for `ar-EG`).
    expect(forms).to.deep.equal(['0 سؤال', 'سؤال واحد', 'سؤالان', '3 أسئلة', '11 سؤالًا', '100 سؤال']);
  });

  it('durations are in the interface language, units included (no "Time spent: 0 ث")', async () => {
    await Promise.all(['ar', 'en', 'de', 'ja'].map((locale) => loadLocale(locale)));
    const spent = (locale: string, ms: number) => translate(locale, 'progress.timeSpent', { time: formatDuration(locale, ms) });
    expect(spent('ar', 0)).to.not.match(/[A-Za-z]/);
    expect(spent('ar', 0)).to.match(/[\u0600-\u06ff]/);
    expect(spent('en', 65 * 60_000)).to.match(/^Time spent: 1 hr,? 5 min/);
    expect(spent('de', 40_000)).to.equal('Aufgewendete Zeit: 40 Sek.');
    expect(spent('ja', 12 * 60_000)).to.match(/^学習時間: 12 ?分/);
  });

  it('inserted values keep their direction: isolated in right-to-left text, and right-to-left values in left-to-right text', async () => {
    await Promise.all(['he', 'en'].map((locale) => loadLocale(locale)));
    expect(translate('he', 'player.lessonPosition', { index: 1, total: 3 })).to.equal('שיעור \u20681\u2069 מתוך \u20683\u2069');
    expect(translate('en', 'player.lessonCompleted', { title: 'مقدمة' })).to.equal('“\u2068مقدمة\u2069” completed.');
    expect(translate('en', 'player.lessonCompleted', { title: 'Intro' })).to.equal('“Intro” completed.');
  });

  it('resolves the interface language: exact, same language and script, else English', () => {
    expect(resolveLocale(['fr-CA'])).to.equal('fr');
    expect(resolveLocale(['pt'])).to.equal('pt-BR');
    expect(resolveLocale(['pt-PT'])).to.equal('pt-BR');
    expect(resolveLocale(['zh-Hans-SG'])).to.equal('zh-CN');
    expect(resolveLocale(['zh-TW', 'ja'])).to.equal('ja');
    expect(resolveLocale(['ko', 'he-IL'])).to.equal('he');
    expect(resolveLocale([undefined, 'not a tag!', 'sw'])).to.equal('en');
  });
});
