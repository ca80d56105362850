import { expect } from '@open-wc/testing';
import { closeProfile, evalInTab, typeInTab, waitInTab } from '../helpers/commands.js';
import {
  attach,
  choose,
  click,
  fill,
  focus,
  openAs,
  pressKey,
  skipWithoutWordPress,
  textOf,
  uninstallPlugin,
  urlOf,
  waitLong,
  wordpress,
} from '../helpers/wordpress.js';

/**
 * A CMS admin's whole path in a real WordPress (test/server/wordpress.mjs): upload a SCORM package and
 * a native course as "Course" posts, put both on a page with the block editor using the keyboard, import
 * an enrollment; a learner takes the course, leaves, and resumes in another browser profile; the
 * instructor sees the learner in the report. Each user has their own browser profile and signs in
 * through wp-login.php.
 */
const GOLF = 'fixture:scorm12/RuntimeBasicCalls_SCORM12.zip';
const players = `[...document.querySelectorAll('lms-course-player')]`;
const native = `${players}.find((p) => p.getAttribute('src').endsWith('course.json'))`;
const scorm = `${players}.find((p) => p.getAttribute('src').endsWith('package.zip'))`;

describe('WordPress plugin: admin, learner and instructor in a real WordPress', function () {
  this.timeout(240_000);
  let admin: number;
  let page: string;

  before(async function () {
    this.timeout(300_000);
    await skipWithoutWordPress(this);
    await wordpress();
    admin = await openAs('admin', '/wp-admin/');
  });

  after(async () => {
    if (admin) await closeProfile(admin);
  });

  /** Uploads a zip as a new Course post; answers the notices the admin sees. */
  async function uploadCourse(title: string, file: string, author?: string): Promise<string> {
    await openCourseForm();
    await fill(admin, '#title', title);
    await attach(admin, '#lms_kit_package', file);
    if (author) await choose(admin, '#post_author_override', author);
    await click(admin, '#publish', true);
    return textOf(admin, '.lms-kit-upload-ok, .lms-kit-upload-error');
  }
  const openCourseForm = async () => {
    await evalInTab(admin, `location.href = '/wp-admin/post-new.php?post_type=lms_course'`);
    await waitLong(admin, `document.readyState === 'complete' && !!document.querySelector('#lms_kit_package')`, 30_000);
  };

  it('checks uploads and tells the admin in plain words what is wrong', async () => {
    const notice = await uploadCourse('Not a course', 'broken');
    expect(notice).to.contain('The package was not published');
    expect(notice).to.contain('none of course.json');
  });

  it('publishes a SCORM package and a native course, and puts both on a page with the block editor and the keyboard', async () => {
    expect(await uploadCourse('Golf basics', GOLF)).to.contain('published as a new version');
    expect(await uploadCourse('Resume course', 'course:resume-course', 'ian (ian)')).to.contain('published as a new version');

    await evalInTab(admin, `location.href = '/wp-admin/post-new.php?post_type=page'`);
    await waitLong(admin, `!!document.querySelector('.editor-post-title__input')`, 60_000);
    await pressKey(admin, 'Escape'); // the welcome guide, when it shows
    await focus(admin, '.editor-post-title__input');
    await typeInTab(admin, 'Training');
    await pressKey(admin, 'Enter');
    for (const [i, course] of ['Resume course', 'Golf basics'].entries()) {
      if (i > 0) await pressKey(admin, 'Control+Alt+y'); // a new block after this one
      await typeInTab(admin, '/lms kit course');
      await waitInTab(
        admin,
        `[...document.querySelectorAll('.components-autocomplete__result')].some((r) => r.textContent.includes('LMS Kit course'))`,
      );
      await pressKey(admin, 'Enter');
      // The block's course picker has the focus: choose with the arrow keys.
      await waitLong(admin, `document.activeElement?.tagName === 'SELECT' && document.activeElement.options.length > 2`, 20_000);
      for (let n = 0; n < 5 && !(await evalInTab<boolean>(admin, `document.activeElement.selectedOptions[0].text === '${course}'`)); n++)
        await pressKey(admin, 'ArrowDown');
    }
    await focus(admin, '.editor-post-publish-panel__toggle');
    await pressKey(admin, 'Enter');
    await waitInTab(admin, `document.activeElement?.classList.contains('editor-post-publish-button')`);
    await pressKey(admin, 'Enter');
    await waitLong(admin, `!!document.querySelector('.post-publish-panel__postpublish-header a')`, 30_000);
    page = await evalInTab<string>(admin, `document.querySelector('.post-publish-panel__postpublish-header a').href`);
    const saved = await evalInTab<string>(admin, `wp.data.select('core/editor').getEditedPostContent()`);
    expect(saved.match(/<!-- wp:lms-kit\/course \{"courseId":\d+\} \/-->/g)).to.have.length(2);

    // Enroll the learner in the instructor's course from a CSV file.
    await evalInTab(admin, `location.href = '/wp-admin/edit.php?post_type=lms_course&page=lms-kit-import'`);
    await waitLong(admin, `!!document.querySelector('#lms-kit-csv')`, 30_000);
    await attach(admin, '#lms-kit-csv', 'csv:course,learner,group,due\nresume-course,ada@example.com,,2027-01-31');
    await click(admin, '#submit', true);
    expect(await textOf(admin, '.notice')).to.contain('1 enrollment imported');
  });

  it('lets a learner take the courses, leave, and resume in another browser profile', async () => {
    expect(page, 'the page of the previous test').to.be.a('string');
    const laptop = await openAs('learner', page);
    try {
      await waitLong(laptop, `${native}?.progress?.lessons.l1?.status === 'completed'`, 60_000);
      await evalInTab(laptop, `${native}.goToLesson('l2')`);
      await waitInTab(laptop, `${native}.currentLessonId === 'l2'`);
      // The SCORM package plays from the site: its lesson starts and the content finds its API.
      await waitLong(
        laptop,
        `Object.values(${scorm}?.progress?.lessons ?? {}).some((l) => l.status === 'in-progress' || l.status === 'completed')`,
        90_000,
      );
      // The site serves the service worker at its root, so its scope covers every page.
      await waitLong(
        laptop,
        `navigator.serviceWorker.getRegistrations().then((all) => (window.__workers = all.map((r) => [r.scope, r.active?.scriptURL]))),
          window.__workers?.length > 0`,
        20_000,
      );
      const { url } = await wordpress();
      expect(await evalInTab(laptop, 'window.__workers')).to.deep.equal([[`${url}/`, `${url}/lms-kit-sw.js`]]);
      // Saved on the site: the next profile reads it from WordPress.
      await waitLong(
        laptop,
        `fetch('/wp-json/lms-kit/v1/progress/' + encodeURIComponent('mailto:ada@example.com') + '/resume-course', { headers: { Authorization: 'Bearer ' + JSON.parse(document.getElementById('lms-kit-config').textContent).token } })
          .then((r) => r.json()).then((d) => (window.__saved = d.value?.lessons?.l2?.status !== undefined)), window.__saved === true`,
        30_000,
      );
    } finally {
      await closeProfile(laptop);
    }

    const phone = await openAs('learner', page);
    try {
      await waitLong(phone, `${native}?.currentLessonId === 'l2'`, 60_000);
      expect(await evalInTab(phone, `${native}.progress.lessons.l1.status`)).to.equal('completed');
      await waitLong(
        phone,
        `Object.values(${scorm}?.progress?.lessons ?? {}).some((l) => l.status !== 'available' && l.status !== 'locked')`,
        60_000,
      );
    } finally {
      await closeProfile(phone);
    }
  });

  it('shows a course on its own page, loading only what its first lesson needs', async () => {
    const tab = await openAs('learner', '/courses/resume-course/');
    try {
      await waitLong(tab, `!!${native}?.currentLessonId && !!${native}.shadowRoot.querySelector('.lesson-body')`, 60_000);
      const scripts = await evalInTab<Array<{ name: string; bytes: number }>>(
        tab,
        `performance.getEntriesByType('resource').filter((e) => /\\.js(\\?|$)/.test(e.name) && e.name.includes('/plugins/lms-kit/'))
          .map((e) => ({ name: e.name.replace(/^.*\\/plugins\\/lms-kit\\/assets\\//, ''), bytes: e.decodedBodySize }))`,
      );
      // Measured for the plugin's README: what a course page's first lesson costs in WordPress.
      console.log(
        `First lesson: ${scripts.length} scripts, ${scripts.reduce((n, f) => n + f.bytes, 0)} bytes: ${scripts.map((f) => f.name).join(' ')}`,
      );
      expect(scripts.map((f) => f.name)).to.include('lms-kit/lms-kit.js');
      expect(
        // Strings chunks (`messages-en-scorm`) are text, not the runtime.
        scripts.some((f) => /scorm|dexie/i.test(f.name) && !/\/messages-[a-z-]+-[\w-]+\.js$/.test(f.name)),
        'no SCORM runtime or Dexie for a native course',
      ).to.equal(false);
    } finally {
      await closeProfile(tab);
    }
  });

  it('shows the instructor their learner in the report', async () => {
    const instructor = await openAs('instructor', '/wp-admin/edit.php?post_type=lms_course&page=lms-kit-reports');
    try {
      const report = await textOf(instructor, '.lms-kit-report', 30_000);
      expect(report).to.contain('ada@example.com');
      expect(report).to.contain('resume-course');
      expect(await urlOf(instructor)).to.contain('page=lms-kit-reports');
    } finally {
      await closeProfile(instructor);
    }
  });

  it('asks guests to log in when the site tracks only signed-in learners', async () => {
    await evalInTab(admin, `location.href = '/wp-admin/options-general.php?page=lms-kit'`);
    await waitLong(admin, `!!document.querySelector('input[value="login"]')`, 30_000);
    await click(admin, 'input[value="login"]');
    await click(admin, '#submit', true);
    const guest = await openAs(null, page);
    try {
      expect(await textOf(guest, '.lms-kit-login')).to.contain('Log in to take this course');
      expect(await evalInTab(guest, `document.querySelectorAll('lms-course-player').length`)).to.equal(0);
    } finally {
      await closeProfile(guest);
    }
  });

  it('removes its options on uninstall and keeps courses and learner records unless asked', async () => {
    const { before, after } = await uninstallPlugin();
    expect(before).to.deep.include({ settings: true, secret: true, role: true, packages: true });
    expect(before.progressRows).to.be.greaterThan(0);
    expect(after).to.deep.include({ settings: false, secret: false, role: false, packages: true });
    expect(after.tables).to.equal(before.tables);
    expect(after.progressRows).to.equal(before.progressRows);
    expect(after.courses).to.equal(before.courses);
  });
});
