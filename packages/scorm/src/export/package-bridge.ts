export type ExportFormat = 'scorm12' | 'scorm2004' | 'cmi5';

type Api = Record<string, (...args: string[]) => string>;
type Json = Record<string, unknown>;
interface Detail {
  lessonId?: string;
  quizId?: string;
  questionId?: string;
  response?: unknown;
  pending?: boolean;
  percent?: number;
  completed?: boolean;
  result?: { passed?: boolean; score?: { scaled?: number }; questions?: Record<string, { correct?: boolean; max?: number }> };
}

/**
 * The script inside an exported package, between the LMS and its `<lms-course-player>`: it reports
 * completion, score and bookmark through the SCORM 1.2 / 2004 API or as cmi5 statements, and reopens
 * the bookmarked lesson. It is written into the package with `Function.prototype.toString`, so it
 * uses browser globals only: no imports, no helpers outside its body. `questionTypes` gives the
 * interaction type of each question (`<quiz id>/<question id>`), for SCORM's `cmi.interactions`.
 */
export function packageBridge(format: ExportFormat, questionTypes: Record<string, string> = {}): void {
  const player = document.querySelector('lms-course-player') as (HTMLElement & { goToLesson?(id: string): Promise<boolean> }) | null;
  if (!player) return;
  const startedAt = Date.now();
  const scores: number[] = [];
  let passed: boolean | undefined;
  let done = false;
  const on = (type: string, listener: (detail: Detail) => void) =>
    player.addEventListener(type, (event) => listener((event as CustomEvent<Detail>).detail ?? {}));
  const scaledScore = () => (scores.length ? scores.reduce((sum, score) => sum + score, 0) / scores.length : undefined);
  on('lms-lesson-complete', ({ result }) => {
    if (typeof result?.score?.scaled === 'number') scores.push(result.score.scaled);
    if (typeof result?.passed === 'boolean') passed = (passed ?? true) && result.passed;
  });
  // A course completed in an earlier visit fires no completion event: the player's `status` tells.
  const whenCompleted = (listener: () => void) => {
    const check = () => player.getAttribute('status') === 'completed' && listener();
    new MutationObserver(check).observe(player, { attributes: true, attributeFilter: ['status'] });
    check();
  };
  // The bookmark is reopened once the player has the course (goToLesson answers false until then).
  const resume = (lessonId: string) => {
    let tries = 0;
    const attempt = () =>
      customElements.whenDefined('lms-course-player').then(async () => {
        if (!(await player.goToLesson?.(lessonId)) && ++tries < 100) setTimeout(attempt, 100);
      });
    if (lessonId) void attempt();
  };

  if (format === 'cmi5') {
    const params = new URLSearchParams(location.search);
    const endpoint = (params.get('endpoint') ?? '').replace(/\/$/, '');
    const actor = params.get('actor') ?? '{}';
    const registration = params.get('registration') ?? '';
    const activityId = params.get('activityId') ?? '';
    const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
    let launchData: Json = {};
    // Statements go one after another, after the token and the launch data; one that fails does not stop the next.
    let queue: Promise<unknown> = (async () => {
      const token = (await (await fetch(params.get('fetch') ?? '', { method: 'POST' })).json()) as Json;
      headers.Authorization = `Basic ${String(token['auth-token'])}`;
      const query = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId, agent: actor, registration });
      launchData = (await (await fetch(`${endpoint}/activities/state?${query}`, { headers })).json()) as Json;
      // cmi5 11.0: the AU reads the learner's preferences (language, audio) before "initialized"; none is a 404.
      await fetch(`${endpoint}/agents/profile?${new URLSearchParams({ agent: actor, profileId: 'cmi5LearnerPreferences' })}`, { headers });
    })();
    const send = (verb: string, result?: Json, moveOn = false) => {
      queue = queue
        .then(() => {
          const context = JSON.parse(JSON.stringify(launchData.contextTemplate ?? {})) as Json & { contextActivities?: Json };
          const activities = (context.contextActivities ??= {});
          const category = [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }];
          if (moveOn) category.push({ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' });
          activities.category = [...((activities.category as unknown[]) ?? []), ...category];
          const statement = {
            id: crypto.randomUUID(),
            actor: JSON.parse(actor),
            verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
            object: { id: activityId, objectType: 'Activity' },
            result,
            context: { ...context, registration },
            timestamp: new Date().toISOString(),
          };
          return fetch(`${endpoint}/statements`, { method: 'POST', headers, body: JSON.stringify(statement), keepalive: true });
        })
        .catch(() => undefined);
    };
    const duration = () => `PT${Math.max(0, (Date.now() - startedAt) / 1000).toFixed(2)}S`;
    send('initialized');
    let sentCompleted = false;
    whenCompleted(() => {
      if (sentCompleted || (launchData.launchMode && launchData.launchMode !== 'Normal')) return;
      sentCompleted = true;
      const scaled = scaledScore();
      if (passed !== undefined)
        send(
          passed ? 'passed' : 'failed',
          { success: passed, duration: duration(), ...(scaled === undefined ? {} : { score: { scaled } }) },
          passed,
        );
      send('completed', { completion: true, duration: duration() }, true);
    });
    addEventListener('pagehide', () => {
      if (done) return;
      done = true;
      send('terminated', { duration: duration() });
    });
    return;
  }

  const v12 = format === 'scorm12';
  const find = (start: Window | null): Api | undefined => {
    for (let win = start, hops = 0; win && hops < 12; hops++) {
      try {
        const api = (win as unknown as Record<string, Api | undefined>)[v12 ? 'API' : 'API_1484_11'];
        if (api) return api;
      } catch {
        return undefined; // a cross-origin frame: stop climbing
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return undefined;
  };
  const api = find(window) ?? find(window.opener as Window | null);
  if (!api) return;
  const call = (name12: string, name2004: string, ...args: string[]) => String(api[v12 ? name12 : name2004]?.(...args) ?? '');
  const get = (element: string) => call('LMSGetValue', 'GetValue', element);
  const set = (element: string, value: string | number) => call('LMSSetValue', 'SetValue', element, String(value));
  const commit = () => call('LMSCommit', 'Commit', '');
  call('LMSInitialize', 'Initialize', '');
  const bookmark = v12 ? 'cmi.core.lesson_location' : 'cmi.location';
  const status = get(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status');
  if (status === 'not attempted' || status === 'unknown' || status === '')
    set(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status', 'incomplete');
  resume(get(bookmark));
  let completed = status === 'completed' || status === 'passed';
  on('lms-lesson-select', ({ lessonId }) => {
    if (lessonId) set(bookmark, lessonId);
    commit();
  });
  const report = () => {
    const scaled = scaledScore();
    if (scaled !== undefined) {
      if (!v12) set('cmi.score.scaled', scaled.toFixed(4));
      set(v12 ? 'cmi.core.score.min' : 'cmi.score.min', 0);
      set(v12 ? 'cmi.core.score.max' : 'cmi.score.max', 100);
      set(v12 ? 'cmi.core.score.raw' : 'cmi.score.raw', Math.round(scaled * 100));
    }
    if (completed) {
      if (v12) set('cmi.core.lesson_status', passed === undefined ? 'completed' : passed ? 'passed' : 'failed');
      else set('cmi.completion_status', 'completed');
    }
    if (!v12 && passed !== undefined) set('cmi.success_status', passed ? 'passed' : 'failed');
    commit();
  };
  // Quiz answers become interactions when the attempt is scored: type, response in SCORM's format, result.
  const responses: Record<string, unknown> = {};
  let interactions = Number(get('cmi.interactions._count')) || 0;
  on('lms-question-answer', ({ quizId, questionId, response }) => {
    responses[`${quizId}/${questionId}`] = response;
  });
  on('lms-attempt-complete', ({ quizId, result, pending }) => {
    if (pending) return;
    for (const [questionId, outcome] of Object.entries(result?.questions ?? {})) {
      const key = `${quizId}/${questionId}`;
      const type = questionTypes[key] ?? 'other';
      const prefix = `cmi.interactions.${interactions++}.`;
      set(`${prefix}id`, (v12 ? key : `urn:lms-kit:${key}`).replace(/[^A-Za-z0-9:._/-]/g, '-'));
      if (!v12 || type !== 'other') set(`${prefix}type`, v12 && type === 'long-fill-in' ? 'fill-in' : type);
      if (typeof outcome.max === 'number') set(`${prefix}weighting`, outcome.max);
      const answer = responses[key];
      const list = (values: unknown[]) => values.map(String).join(v12 ? ',' : '[,]');
      const formatted =
        type === 'true-false' && typeof answer === 'boolean'
          ? v12
            ? answer
              ? 't'
              : 'f'
            : String(answer)
          : ['choice', 'fill-in', 'long-fill-in', 'sequencing'].includes(type) && Array.isArray(answer)
            ? list(answer)
            : ['fill-in', 'long-fill-in', 'numeric'].includes(type) && (typeof answer === 'string' || typeof answer === 'number')
              ? String(answer)
              : undefined;
      if (formatted !== undefined) set(`${prefix}${v12 ? 'student_response' : 'learner_response'}`, formatted);
      if (typeof outcome.correct === 'boolean') set(`${prefix}result`, outcome.correct ? 'correct' : v12 ? 'wrong' : 'incorrect');
    }
    commit();
  });
  on('lms-progress-change', ({ percent, completed: courseCompleted }) => {
    if (!v12 && typeof percent === 'number') set('cmi.progress_measure', (percent / 100).toFixed(2));
    completed ||= courseCompleted === true;
    report();
  });
  whenCompleted(() => {
    if (completed) return;
    completed = true;
    report();
  });
  addEventListener('pagehide', () => {
    if (done) return;
    done = true;
    const seconds = Math.round((Date.now() - startedAt) / 1000);
    if (v12) {
      const pad = (n: number) => String(n).padStart(2, '0');
      set('cmi.core.session_time', `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`);
    } else set('cmi.session_time', `PT${seconds}S`);
    set(v12 ? 'cmi.core.exit' : 'cmi.exit', completed ? '' : 'suspend');
    call('LMSFinish', 'Terminate', '');
  });
}
