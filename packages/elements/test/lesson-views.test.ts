import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { DocumentLesson, VideoLesson } from '@lms-kit/core';
import type { LmsDocumentLesson, LmsLessonReportEvent, LmsVideoLesson } from '@lms-kit/elements';
import { parseResultMessage } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-video-lesson';
import '@lms-kit/elements/define/lms-document-lesson';

const video: VideoLesson = {
  id: 'v',
  kind: 'video',
  title: 'Handwashing',
  src: '/demo/course/media/handwashing.webm',
  completeAt: 90,
  captions: [{ src: '/demo/course/media/handwashing.en.vtt', srclang: 'en', label: 'English' }],
};

async function renderVideo(savedState?: unknown) {
  const reports: Array<LmsLessonReportEvent['detail']> = [];
  const el = await fixture<LmsVideoLesson>(
    html`<lms-video-lesson
      .lesson=${video}
      .savedState=${savedState}
      @lms-lesson-report=${(e: LmsLessonReportEvent) => reports.push(e.detail)}
    ></lms-video-lesson>`,
  );
  const media = el.shadowRoot?.querySelector('video') as HTMLVideoElement;
  await waitUntil(() => media.readyState >= 1, 'video metadata', { timeout: 5000 });
  return { el, media, reports };
}

describe('<lms-video-lesson>', () => {
  it('has captions, a label, and no axe violations', async () => {
    const { el, media } = await renderVideo();
    expect(media.getAttribute('aria-label')).to.equal('Handwashing');
    expect(media.querySelector('track')?.getAttribute('srclang')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('does not complete when the learner skips to the end', async () => {
    const { media, reports } = await renderVideo();
    media.muted = true;
    media.currentTime = 23;
    await oneEvent(media, 'seeked');
    await media.play();
    await oneEvent(media, 'ended');
    expect(reports.some((r) => r.result?.completed)).to.equal(false);
    expect((reports.at(-1)?.position?.data as { ranges: number[][] }).ranges).to.have.length.above(0);
  });

  it('completes once 90% has really been watched, and reports quartiles on the way', async function () {
    this.timeout(20_000);
    const { media, reports } = await renderVideo();
    media.muted = true;
    media.playbackRate = 8;
    await media.play();
    await oneEvent(media, 'ended');
    const results = reports.filter((r) => r.result).map((r) => r.result);
    expect(results.filter((r) => r?.completed)).to.have.length(1);
    expect(results.filter((r) => !r?.completed).length).to.be.at.least(3);
  });

  it('resumes at the saved position with the ranges already watched', async () => {
    const { el, media } = await renderVideo({ position: 12, data: { ranges: [[0, 12]] } });
    await waitUntil(() => media.currentTime >= 11.9, 'position not restored');
    expect(el.shadowRoot?.querySelector('figcaption')?.textContent).to.contain('50%');
  });

  it('says so and offers the file when the video cannot play', async () => {
    const el = await fixture<LmsVideoLesson>(html`<lms-video-lesson .lesson=${{ ...video, src: '/missing.webm' }}></lms-video-lesson>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no error shown', { timeout: 5000 });
    expect(el.shadowRoot?.querySelector('[role="alert"] a')?.getAttribute('href')).to.contain('/missing.webm');
    await expect(el).to.be.accessible();
  });
});

describe('<lms-document-lesson>', () => {
  const pdf: DocumentLesson = { id: 'd', kind: 'document', title: 'Allergen chart', src: '/demo/course/media/allergen-chart.pdf' };

  it('shows a PDF inline and completes when shown', async () => {
    const el = document.createElement('lms-document-lesson') as LmsDocumentLesson;
    el.lesson = pdf;
    const report = oneEvent(el, 'lms-lesson-report');
    document.body.append(el);
    expect((await report).detail.result).to.deep.equal({ completed: true });
    expect(el.shadowRoot?.querySelector('object')?.getAttribute('type')).to.equal('application/pdf');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('completes a linked document only when the learner opens it', async () => {
    const reports: unknown[] = [];
    const el = await fixture<LmsDocumentLesson>(
      html`<lms-document-lesson
        .lesson=${{ ...pdf, display: 'link' }}
        @lms-lesson-report=${(e: LmsLessonReportEvent) => reports.push(e.detail)}
      ></lms-document-lesson>`,
    );
    expect(reports).to.deep.equal([]);
    const link = el.shadowRoot?.querySelector('a') as HTMLAnchorElement;
    expect(link.target).to.equal('_blank');
    expect(link.textContent).to.contain('(opens in a new tab)');
    link.addEventListener('click', (event) => event.preventDefault()); // keep the test page
    link.click();
    expect(reports).to.deep.equal([{ result: { completed: true } }]);
    await expect(el).to.be.accessible();
  });
});

describe('embed result messages', () => {
  it('accepts well-formed results only', () => {
    expect(parseResultMessage({ type: 'lms-kit:result', completed: true, passed: false, score: { scaled: 0.5, raw: 'x' } })).to.deep.equal({
      completed: true,
      passed: false,
      score: { scaled: 0.5 },
    });
    expect(parseResultMessage({ type: 'other', completed: true })).to.equal(undefined);
    expect(parseResultMessage({ type: 'lms-kit:result', score: { scaled: 7 } })).to.equal(undefined);
    expect(parseResultMessage({ type: 'lms-kit:result' })).to.equal(undefined);
    expect(parseResultMessage('lms-kit:result')).to.equal(undefined);
  });
});
