import { uuid, type Statement } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import {
  Cmi5Categories,
  Cmi5Collections,
  Cmi5Extensions,
  Cmi5Verbs,
  cmi5Urls,
  createCmi5Route,
  importCmi5Course,
  launchAu,
  type Cmi5CourseRecord,
  type Launch,
  type LaunchOptions,
  type Route,
} from '@lms-kit/xapi/cmi5';

export const PREFIX = `${location.origin}/lms-kit-test/cmi5/`;
export const DATABASE = 'facade-test';
export const LEARNER = {
  id: 'mailto:ada@example.com',
  actor: { objectType: 'Agent' as const, account: { homePage: 'https://intranet.example', name: 'ada' }, name: 'Ada' },
};

/** A cmi5.xml with one AU per `moveOn` value given, in one block, plus a top-level AU. */
export function courseXml(
  aus: Array<{ moveOn?: string; masteryScore?: number; extra?: string }>,
  courseId = `https://courses.example/${uuid()}`,
): string {
  const au = (spec: (typeof aus)[number], index: number) => `
    <au id="${courseId}/au/${index}"${spec.moveOn ? ` moveOn="${spec.moveOn}"` : ''}${spec.masteryScore !== undefined ? ` masteryScore="${spec.masteryScore}"` : ''} ${spec.extra ?? ''}>
      <title><langstring lang="en-US">AU ${index}</langstring></title>
      <description><langstring lang="en-US">AU number ${index}</langstring></description>
      <url>https://content.example/au/${index}/index.html?lang=en</url>
    </au>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${courseId}">
    <title><langstring lang="en-US">Facade test course</langstring></title>
    <description><langstring lang="en-US">A course for the tests.</langstring></description>
  </course>
  <block id="${courseId}/block/1">
    <title><langstring lang="en-US">Block one</langstring></title>
    <description><langstring lang="en-US">The block.</langstring></description>
    ${aus.map(au).join('\n')}
  </block>
</courseStructure>`;
}

export async function importXml(storage: StorageAdapter, xml: string): Promise<Cmi5CourseRecord> {
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  try {
    return await importCmi5Course(storage, url, { contentRoot: cmi5Urls(PREFIX, DATABASE).contentRoot });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Acts as an AU would over HTTP, against the facade route (no network, same request/response code as the service worker). */
export class TestAu {
  token?: string;
  launchData?: { contextTemplate: NonNullable<Statement['context']>; launchMode: string; masteryScore?: number; moveOn: string };
  readonly params: URLSearchParams;

  constructor(
    readonly route: Route,
    readonly launch: Launch,
  ) {
    this.params = new URL(launch.url).searchParams;
  }

  static async launch(
    route: Route,
    storage: StorageAdapter,
    options: Omit<LaunchOptions, 'endpoints' | 'learner'> & { learner?: LaunchOptions['learner'] },
  ) {
    const launch = await launchAu(storage, { learner: LEARNER, endpoints: cmi5Urls(PREFIX, DATABASE), ...options });
    return new TestAu(route, launch);
  }

  get endpoint(): string {
    return this.params.get('endpoint') as string;
  }

  async fetchToken(): Promise<Record<string, string>> {
    const response = await this.route.handle(new Request(this.params.get('fetch') as string, { method: 'POST' }));
    const body = (await response.json()) as Record<string, string>;
    if (body['auth-token']) this.token = body['auth-token'];
    return body;
  }

  request(path: string, init: RequestInit & { query?: Record<string, string> } = {}): Promise<Response> {
    const url = new URL(path, this.endpoint);
    for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
    const headers = new Headers(init.headers);
    headers.set('X-Experience-API-Version', '1.0.3');
    if (this.token) headers.set('Authorization', `Basic ${this.token}`);
    return this.route.handle(new Request(url, { ...init, headers }));
  }

  /** Fetches the token, LMS.LaunchData and the learner preferences, as every AU starts (cmi5 8.2, 10, 11). */
  async start(): Promise<void> {
    await this.fetchToken();
    await this.loadLaunchData();
    await this.loadPreferences();
  }

  loadPreferences(): Promise<Response> {
    return this.request('agents/profile', {
      query: { profileId: 'cmi5LearnerPreferences', agent: this.params.get('actor') as string },
    });
  }

  /** Writes the learner preferences as an AU may (cmi5 11). */
  putPreferences(body: string, contentType?: string): Promise<Response> {
    return this.request('agents/profile', {
      method: 'PUT',
      body,
      headers: contentType ? { 'Content-Type': contentType } : {},
      query: { profileId: 'cmi5LearnerPreferences', agent: this.params.get('actor') as string },
    });
  }

  async loadLaunchData(): Promise<void> {
    const response = await this.request('activities/state', {
      query: {
        stateId: 'LMS.LaunchData',
        activityId: this.params.get('activityId') as string,
        agent: this.params.get('actor') as string,
        registration: this.params.get('registration') as string,
      },
    });
    this.launchData = await response.json();
  }

  /** A cmi5 defined statement (with the cmi5 category), or an allowed one with `defined: false`. */
  statement(verb: string, result?: Statement['result'], options: { defined?: boolean; objectId?: string } = {}): Statement {
    const template = structuredClone(this.launchData?.contextTemplate ?? {});
    const category: Array<{ objectType: 'Activity'; id: string }> =
      options.defined === false ? [] : [{ objectType: 'Activity', id: Cmi5Categories.cmi5 }];
    if (result && (result.success !== undefined || result.completion !== undefined))
      category.push({ objectType: 'Activity', id: Cmi5Categories.moveOn });
    // A scaled score goes with the launch's masteryScore (cmi5 9.6.3.2).
    if (result?.score?.scaled !== undefined && this.launchData?.masteryScore !== undefined)
      template.extensions = { ...template.extensions, [Cmi5Extensions.masteryScore]: this.launchData.masteryScore };
    return {
      id: uuid(),
      actor: JSON.parse(this.params.get('actor') as string),
      verb: { id: verb, display: { 'en-US': verb.slice(verb.lastIndexOf('/') + 1) } },
      object: { objectType: 'Activity', id: options.objectId ?? (this.params.get('activityId') as string) },
      ...(result ? { result } : {}),
      context: {
        ...template,
        registration: this.params.get('registration') as string,
        contextActivities: { ...template.contextActivities, ...(category.length ? { category } : {}) },
      },
      timestamp: new Date().toISOString(),
    };
  }

  post(statements: Statement | Statement[]): Promise<Response> {
    return this.request('statements', {
      method: 'POST',
      body: JSON.stringify(statements),
      headers: { 'Content-Type': 'application/json' },
    });
  }

  async send(verb: keyof typeof Cmi5Verbs, result?: Statement['result']): Promise<Response> {
    return this.post(this.statement(Cmi5Verbs[verb], result));
  }
}

export const results = {
  completed: { completion: true, duration: 'PT1M' },
  passed: (scaled?: number) => ({ success: true, duration: 'PT1M', ...(scaled !== undefined ? { score: { scaled } } : {}) }),
  failed: (scaled?: number) => ({ success: false, duration: 'PT1M', ...(scaled !== undefined ? { score: { scaled } } : {}) }),
  terminated: { duration: 'PT2M' },
};

export function facade(storage: StorageAdapter): Route {
  return createCmi5Route({ prefix: PREFIX, storageFor: () => storage });
}

export async function lmsStatements(storage: StorageAdapter, verb: string): Promise<Statement[]> {
  const records = await storage.listRecords<{ id: string; statement: Statement }>(Cmi5Collections.statements);
  return records.map((record) => record.statement).filter((statement) => statement.verb.id === verb);
}

export { Cmi5Extensions };
