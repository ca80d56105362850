/**
 * Seeds a tenant of the LMS Kit server with a bakery's staff so that catalogs, dashboards and reports
 * have something to show: ~200 learners in groups, two instructors, group enrollments with due dates
 * (some past), and for each learner a realistic, varied story per course: not started, stopped
 * somewhere, completed, quiz attempts passed or failed, certificates issued, expiring or expired.
 *
 * Deterministic: the same `seed` and `now` give the same data (a small PRNG, mulberry32). Everything
 * goes through the server's public API as an admin (CSV import for people, PUT for records), so the
 * data is exactly what real pages would have written.
 *
 *   node scripts/seed-demo.mjs                  # LMS_URL, LMS_JWT_SECRET, LMS_TENANT (default northwind-bakery)
 *   import { seedDemo } from './seed-demo.mjs'; # await seedDemo({ url, token, now })
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DAY = 86_400_000;
const root = new URL('../', import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

/** mulberry32: tiny, fast and good enough to make varied demo data reproducible. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    /** Deterministic UUID v4 shape, so ids are stable between runs. */
    uuid: () =>
      'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
        const r = Math.floor(next() * 16);
        return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
      }),
  };
}

const FIRST =
  'Aisha Ben Carmen Dev Elena Farid Grace Hugo Imani Jonas Keiko Liam Maya Nikos Olga Priya Quentin Rosa Samir Tess Uma Viktor Wen Xavi Yara Zoe Amara Bruno Chloe Diego'.split(
    ' ',
  );
const LAST =
  'Adams Baptiste Chen Dubois Evans Fischer Garcia Haddad Ito Jensen Kowalski Lopez Mensah Novak Okafor Petrov Quinn Rossi Silva Tanaka Ueda Vargas Walsh Xu Yilmaz Zimmermann'.split(
    ' ',
  );

export const GROUPS = [
  { id: 'kitchen', name: 'Kitchen team', size: 60, courses: ['food-safety-basics', 'allergen-awareness', 'knife-skills', 'fire-safety'] },
  { id: 'front-of-house', name: 'Front of house', size: 55, courses: ['food-safety-basics', 'allergen-awareness', 'customer-service'] },
  { id: 'night-bakers', name: 'Night bakers', size: 40, courses: ['food-safety-basics', 'fire-safety'] },
  { id: 'delivery', name: 'Delivery drivers', size: 25, courses: ['food-safety-basics'] },
  { id: 'shift-leads', name: 'Shift leads', size: 20, courses: ['food-safety-basics', 'fire-safety', 'shift-leadership'] },
];

export const INSTRUCTORS = [
  { id: 'mailto:morgan@northwind-bakery.example', name: 'Morgan Lee', teaches: ['kitchen', 'front-of-house'] },
  { id: 'mailto:sam@northwind-bakery.example', name: 'Sam Ortiz', teaches: ['night-bakers', 'delivery', 'shift-leads'] },
];

/** Lesson ids of the catalog's courses: the demo course's real outline, and plausible outlines for the others. */
function courseOutlines() {
  const foodSafety = readJson('demo/course/food-safety.json');
  const outline = (ids) => ids.map((id) => ({ id, quiz: id.endsWith('-check') }));
  return {
    'food-safety-basics': {
      version: foodSafety.version,
      certificateMonths: foodSafety.certificate?.validity?.months ?? 12,
      lessons: foodSafety.modules.flatMap((m) =>
        m.lessons.filter((l) => l.remedialFor === undefined).map((l) => ({ id: l.id, quiz: l.kind === 'quiz' })),
      ),
    },
    'allergen-awareness': {
      version: '1.2',
      lessons: outline(['fourteen-allergens', 'recipe-cards', 'customer-questions', 'allergen-check']),
    },
    'knife-skills': { version: '1.0', lessons: outline(['grip', 'the-claw', 'sharpening', 'cleaning']) },
    'fire-safety': {
      version: '2025.2',
      certificateMonths: 12,
      lessons: outline(['how-fires-start', 'extinguishers', 'evacuation', 'fire-check']),
    },
    'customer-service': { version: '1.0', lessons: outline(['greeting', 'complaints', 'busy-hours']) },
    'shift-leadership': { version: '1.0', lessons: outline(['planning', 'briefing', 'closing', 'leadership-check']) },
    'barista-basics': { version: '1.0', lessons: outline(['espresso', 'milk', 'machine-care']) },
    'higiene-alimentaria': { version: '1.0', lessons: outline(['lavado-de-manos', 'alergenos', 'temperaturas']) },
  };
}

/** The fridge-check quiz: one response per question, right or wrong as the learner's ability decides. */
const FRIDGE_QUESTIONS = [
  { id: 'warm-fridge', right: ['recheck'], wrong: () => ['nothing'], difficulty: 0.1 },
  { id: 'custard-out', right: false, wrong: () => true, difficulty: 0.25 },
  { id: 'fridge-max', right: '5', wrong: (r) => r.pick(['8', '7', '4', '10']), difficulty: 0.35 },
  { id: 'shelves', right: { chicken: 'bottom', cakes: 'top' }, wrong: () => ({ chicken: 'top', cakes: 'bottom' }), difficulty: 0.3 },
  {
    id: 'label',
    right: ['what', 'made', 'use-by'],
    wrong: (r) =>
      r.pick([
        ['what', 'use-by'],
        ['what', 'made', 'supplier'],
      ]),
    difficulty: 0.45,
  },
];

function quizAttempt(r, { learnerId, courseId, activityId, number, ability, startedAt }) {
  const responses = {};
  const questions = {};
  let raw = 0;
  let at = startedAt.getTime();
  for (const q of FRIDGE_QUESTIONS) {
    at += r.int(15, 90) * 1000;
    // Each try the learner does a little better (they read the feedback).
    const correct = r.next() < Math.min(0.97, ability - q.difficulty + 0.35 + number * 0.12);
    responses[q.id] = { value: correct ? q.right : q.wrong(r), answeredAt: new Date(at).toISOString() };
    questions[q.id] = { credit: correct ? 1 : 0, points: correct ? 1 : 0, max: 1, answered: true, correct };
    raw += correct ? 1 : 0;
  }
  at += 20_000;
  responses.confidence = { value: r.pick(['not', 'mostly', 'fully']), answeredAt: new Date(at).toISOString() };
  questions.confidence = { credit: null, points: 0, max: 0, answered: true };
  const max = FRIDGE_QUESTIONS.length;
  const scaled = raw / max;
  const submittedAt = new Date(at + 5000).toISOString();
  return {
    id: r.uuid(),
    learnerId,
    courseId,
    activityId,
    status: 'completed',
    startedAt: startedAt.toISOString(),
    updatedAt: submittedAt,
    completedAt: submittedAt,
    data: {
      quizId: 'fridge-check',
      quizVersion: '2026.1',
      number,
      questionIds: [...FRIDGE_QUESTIONS.map((q) => q.id), 'confidence'],
      order: {},
      responses,
      submittedAt,
      result: { raw, max, scaled, passed: scaled >= 0.8, pending: false, durationMs: at + 5000 - startedAt.getTime(), questions },
    },
  };
}

/**
 * One learner's story in one course. `drive` (0..1) is how keen the learner is, `ability` how well
 * they do in quizzes; both are per learner, so reports show the same people ahead across courses.
 */
function learnerCourse(r, { learnerId, courseId, outline, drive, ability, enrolledAt, now }) {
  const roll = r.next();
  if (roll > 0.35 + drive * 0.6) return { progress: undefined, attempts: [] }; // not started
  const startedAt = new Date(enrolledAt.getTime() + r.int(0, 20) * DAY + r.int(8, 17) * 3_600_000);
  if (startedAt > now) return { progress: undefined, attempts: [] };
  // How far they got: keen learners finish, others stop at some lesson (the drop-off a report shows).
  const reach = r.next() < 0.25 + drive * 0.65 ? outline.lessons.length : r.int(1, outline.lessons.length - 1);
  const lessons = {};
  const attempts = [];
  let at = startedAt.getTime();
  let total = 0;
  let passedAll = true;
  let score;
  for (const [index, lesson] of outline.lessons.entries()) {
    if (index >= reach) break;
    const openedAt = new Date(at);
    const spent = r.int(3, lesson.quiz ? 9 : 14) * 60_000 + r.int(0, 59_000);
    total += spent;
    const last = index === reach - 1 && reach < outline.lessons.length;
    const entry = { status: last && r.chance(0.6) ? 'in-progress' : 'completed', openedAt: openedAt.toISOString(), timeSpentMs: spent };
    if (lesson.quiz && courseId === 'food-safety-basics') {
      let attempt;
      for (let number = 1; number <= 3; number++) {
        attempt = quizAttempt(r, { learnerId, courseId, activityId: lesson.id, number, ability, startedAt: new Date(at) });
        attempts.push(attempt);
        at += attempt.data.result.durationMs + r.int(1, 48) * 3_600_000;
        if (attempt.data.result.passed) break;
      }
      const result = attempt.data.result;
      entry.status = 'completed';
      entry.passed = result.passed;
      entry.score = { scaled: result.scaled, raw: result.raw, min: 0, max: result.max };
      passedAll &&= result.passed;
      score = result.scaled;
    } else if (lesson.quiz) {
      const scaled = Math.round(Math.min(1, Math.max(0.2, ability + (r.next() - 0.5) * 0.4)) * 10) / 10;
      entry.status = 'completed';
      entry.passed = scaled >= 0.7;
      entry.score = { scaled };
      passedAll &&= entry.passed;
      score = scaled;
    }
    if (entry.status === 'completed') entry.completedAt = new Date(at + spent).toISOString();
    lessons[lesson.id] = entry;
    at += spent + r.int(10, 60 * 24 * 3) * 60_000;
  }
  const updatedAt = new Date(Math.min(at, now.getTime()));
  const completed = reach === outline.lessons.length && passedAll && Object.values(lessons).every((l) => l.status === 'completed');
  const progress = {
    learnerId,
    courseId,
    courseVersion: outline.version,
    registration: r.uuid(),
    lessons,
    lastLessonId: outline.lessons[Math.min(reach, outline.lessons.length) - 1].id,
    timeSpentMs: total,
    startedAt: startedAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
  if (completed) progress.completedAt = updatedAt.toISOString();
  return { progress, attempts, completed, score };
}

function certificate(r, { learner, courseId, course, progress, score, months }) {
  const issuedAt = new Date(progress.completedAt);
  const expiresAt = new Date(issuedAt);
  expiresAt.setUTCMonth(expiresAt.getUTCMonth() + months);
  const id = `urn:uuid:${r.uuid()}`;
  progress.certificateId = id;
  return {
    id,
    learnerId: learner.id,
    learnerName: learner.name,
    courseId,
    courseTitle: course.title,
    courseVersion: progress.courseVersion,
    template: 'classic',
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    ...(score !== undefined ? { score: Math.round(score * 100) } : {}),
    passed: true,
    issuer: { id: 'https://intranet.northwind-bakery.example', name: 'Northwind Bakery', url: 'https://intranet.northwind-bakery.example' },
    remindDays: 30,
    selfIssued: false,
    // Seeded records carry no signed credential: a verifier reports them as unverifiable, on purpose.
    jwt: '',
    seeded: true,
  };
}

const csv = (rows) => rows.map((row) => row.map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')).join('\n');

/** Builds the whole data set in memory (no I/O), so it can be inspected or written anywhere. */
export function buildDemoData({ seed = 14, now = new Date(), learners: wanted = 200 } = {}) {
  const r = prng(seed);
  const catalog = readJson('demo/catalog.json');
  const outlines = courseOutlines();
  const byId = Object.fromEntries(catalog.courses.map((c) => [c.id, c]));
  const people = [];
  const scale = wanted / GROUPS.reduce((n, g) => n + g.size, 0);
  for (const group of GROUPS) {
    for (let i = 0; i < Math.round(group.size * scale); i++) {
      const first = r.pick(FIRST);
      const last = r.pick(LAST);
      const email = `${first}.${last}.${people.length + 1}@northwind-bakery.example`.toLowerCase();
      people.push({
        id: `mailto:${email}`,
        name: `${first} ${last}`,
        email,
        group: group.id,
        drive: r.next(),
        ability: 0.35 + r.next() * 0.6,
      });
    }
  }
  // Group enrollments: the onboarding courses months ago, the newest ones with a due date still ahead.
  const enrollments = [];
  for (const group of GROUPS) {
    for (const [index, courseId] of group.courses.entries()) {
      const enrolledAt = new Date(now.getTime() - (200 - index * 45) * DAY);
      const due = new Date(enrolledAt.getTime() + (index === group.courses.length - 1 ? 240 : 60) * DAY);
      enrollments.push({ courseId, groupId: group.id, enrolledAt, dueAt: due });
    }
  }
  const progress = [];
  const attempts = [];
  const certificates = [];
  for (const learner of people) {
    const courses = enrollments.filter((e) => e.groupId === learner.group);
    // Some learners also enrolled themselves in an optional course.
    const optional = catalog.courses.filter((c) => c.selfEnroll && !courses.some((e) => e.courseId === c.id));
    const extra = r.chance(0.3)
      ? [{ courseId: r.pick(optional).id, learnerId: learner.id, enrolledAt: new Date(now.getTime() - r.int(5, 90) * DAY) }]
      : [];
    enrollments.push(...extra);
    for (const enrollment of [...courses, ...extra]) {
      const outline = outlines[enrollment.courseId];
      const story = learnerCourse(r, {
        learnerId: learner.id,
        courseId: enrollment.courseId,
        outline,
        ...learner,
        enrolledAt: enrollment.enrolledAt,
        now,
      });
      if (!story.progress) continue;
      if (story.completed && outline.certificateMonths)
        certificates.push(
          certificate(r, {
            learner,
            courseId: enrollment.courseId,
            course: byId[enrollment.courseId],
            progress: story.progress,
            score: story.score,
            months: outline.certificateMonths,
          }),
        );
      progress.push(story.progress);
      attempts.push(...story.attempts);
    }
  }
  return { catalog, people, enrollments, progress, attempts, certificates };
}

/** Runs `tasks` (functions returning promises) `limit` at a time. */
async function pool(tasks, limit) {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/**
 * Writes the data set to a server as its admin. `token` is an admin's bearer token. Idempotent: ids are
 * deterministic and every write is an upsert, so seeding twice leaves the same data.
 */
export async function seedDemo({ url, token, seed = 14, now = new Date(), learners = 200, log = () => {} }) {
  const data = buildDemoData({ seed, now, learners });
  const call = async (method, path, body) => {
    const response = await fetch(`${url.replace(/\/$/, '')}/${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok && response.status !== 404) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  const groupsCsv = [['id', 'name'], ...GROUPS.map((g) => [g.id, g.name])];
  await call('POST', 'v1/import/groups', { csv: csv(groupsCsv) });
  const users = [['id', 'name', 'email', 'roles', 'groups', 'teaches']];
  for (const p of data.people) users.push([p.id, p.name, p.email, 'learner', p.group, '']);
  for (const t of INSTRUCTORS) users.push([t.id, t.name, t.id.slice(7), 'instructor', '', t.teaches.join('|')]);
  await call('POST', 'v1/import/users', { csv: csv(users) });
  for (const course of data.catalog.courses) {
    const teachers = INSTRUCTORS.filter((t) => GROUPS.some((g) => t.teaches.includes(g.id) && g.courses.includes(course.id))).map(
      (t) => t.id,
    );
    await call('PUT', `v1/courses/${encodeURIComponent(course.id)}`, {
      title: course.title,
      selfEnroll: course.selfEnroll === true,
      instructors: teachers,
    });
    // The catalog entry itself, where the server has the catalog route (404 otherwise: skipped).
    await call('PUT', `v1/catalog/${encodeURIComponent(course.id)}`, course);
  }
  const enrollmentsCsv = [['course', 'learner', 'group', 'due']];
  for (const e of data.enrollments) enrollmentsCsv.push([e.courseId, e.learnerId ?? '', e.groupId ?? '', e.dueAt?.toISOString() ?? '']);
  await call('POST', 'v1/import/enrollments', { csv: csv(enrollmentsCsv) });
  const enc = encodeURIComponent;
  await pool(
    [
      ...data.progress.map((p) => () => call('PUT', `v1/progress/${enc(p.learnerId)}/${enc(p.courseId)}`, { value: p })),
      ...data.attempts.map((a) => () => call('PUT', `v1/attempts/${enc(a.id)}`, a)),
      ...data.certificates.map((c) => () => call('PUT', `v1/records/certificates/${enc(c.id)}`, c)),
    ],
    6,
  );
  const counts = {
    learners: data.people.length,
    groups: GROUPS.length,
    courses: data.catalog.courses.length,
    progress: data.progress.length,
    completed: data.progress.filter((p) => p.completedAt).length,
    attempts: data.attempts.length,
    certificates: data.certificates.length,
  };
  log(
    `seeded ${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
  return counts;
}

/** The lesson of the demo course whose discussion is seeded (`"discussion": true` in its course JSON). */
export const DISCUSSION_LESSON = { course: 'food-safety-basics', lesson: 'danger-zone' };

/** A short thread and a question for the instructor, posted by colleagues in their own names. */
const DISCUSSION = [
  {
    by: 'mailto:priya@northwind-bakery.example',
    name: 'Priya Shah',
    body: 'Our walk-in fridge showed 6 °C this morning. Is that already the danger zone?',
  },
  {
    by: 'mailto:tom@northwind-bakery.example',
    name: 'Tom Becker',
    body: 'Above 5 °C, yes. Check it again in 30 minutes and tell your shift lead if it stays up.',
    replyTo: 0,
  },
  {
    by: 'mailto:ana@northwind-bakery.example',
    name: 'Ana Lima',
    body: 'How long can cream cakes stay on the counter during service, @Morgan Lee?',
  },
];

/**
 * Seeds the demo lesson's discussion: each comment is posted with its author's token (`tokenFor(sub,
 * name)`), as their page would. Once: a lesson that already has comments is left alone.
 */
export async function seedDiscussion({ url, tokenFor }) {
  const path = `${url.replace(/\/$/, '')}/v1/discussions/${DISCUSSION_LESSON.course}/${DISCUSSION_LESSON.lesson}/comments`;
  const post = async (who, body) => {
    const response = await fetch(path, {
      method: body ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${await tokenFor(who.by, who.name)}`, 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Discussion seed: ${response.status} ${await response.text()}`);
    return response.json();
  };
  if ((await post(DISCUSSION[0])).items.length) return 0;
  const ids = [];
  for (const comment of DISCUSSION)
    ids.push(
      (await post(comment, { body: comment.body, ...(comment.replyTo !== undefined ? { parentId: ids[comment.replyTo] } : {}) })).id,
    );
  return ids.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { SignJWT } = await import('jose');
  const url = process.env.LMS_URL ?? 'http://127.0.0.1:8787';
  const secret = process.env.LMS_JWT_SECRET;
  if (!secret) throw new Error('Set LMS_JWT_SECRET (the server’s) and LMS_URL.');
  const token = await new SignJWT({ tenant: process.env.LMS_TENANT ?? 'northwind-bakery', roles: ['admin'], name: 'Seed script' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('mailto:alex@northwind-bakery.example')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
  await seedDemo({ url, token, seed: Number(process.env.SEED ?? 14), log: console.log });
  const tokenFor = (sub, name) =>
    new SignJWT({ tenant: process.env.LMS_TENANT ?? 'northwind-bakery', roles: ['learner'], name })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
  console.log(`seeded ${await seedDiscussion({ url, tokenFor })} discussion comments`);
}

/**
 * The demo learner's engagement extras, idempotent (run on every start of the full-stack demo): the
 * bookable session of the demo course opened with a few colleagues booked, and one certificate of the
 * demo learner expiring within the reminder window, so `<lms-notifications>` shows its reminder.
 * `as(sub, name)` answers a `call(method, path, body)` signed as that learner; `admin` is the admin's.
 */
export async function seedEngagementExtras({ admin, as, learner, colleagues, now = new Date() }) {
  const session = 'v1/sessions/food-safety-basics/kitchen-workshop';
  await admin('PUT', session, { capacity: 12, waitingList: true });
  for (const colleague of colleagues) await (await as(colleague.sub, colleague.name))('POST', `${session}/booking`);
  const expiresAt = new Date(now.getTime() + 12 * DAY);
  const issuedAt = new Date(expiresAt);
  issuedAt.setUTCFullYear(issuedAt.getUTCFullYear() - 1);
  const id = 'urn:uuid:6a0c1d3e-5f7b-4c2d-9e8f-0a1b2c3d4e5f';
  await admin('PUT', `v1/records/certificates/${encodeURIComponent(id)}`, {
    id,
    learnerId: learner.sub,
    learnerName: learner.name,
    courseId: 'allergen-awareness',
    courseTitle: 'Allergen awareness',
    template: 'classic',
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    passed: true,
    issuer: { id: 'https://intranet.northwind-bakery.example', name: 'Northwind Bakery', url: 'https://intranet.northwind-bakery.example' },
  });
}
