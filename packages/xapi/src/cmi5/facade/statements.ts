import type { Statement } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { validateStatement } from '../../validate.js';
import { recordStatements } from '../ledger.js';
import {
  auStatusId,
  Cmi5Collections,
  type Cmi5AuStatus,
  type Cmi5CourseRecord,
  type Cmi5Session,
  type Cmi5StoredStatement,
} from '../records.js';
import { applyAuStatement, checkAuStatement, statementShapeProblem } from '../rules.js';
import { emptyStatus, updateSatisfaction } from '../satisfaction.js';
import { XAPI_VERSION, empty, json, parseJson, problem } from './http.js';

/** The Statements resource for one AU session: POST, PUT and GET by id (xAPI 1.0.3 §2.1), with the cmi5 rules. */
export async function handleStatements(storage: StorageAdapter, session: Cmi5Session, request: Request, url: URL): Promise<Response> {
  switch (request.method) {
    case 'GET':
      return getStatements(storage, session, url);
    case 'PUT': {
      const id = url.searchParams.get('statementId');
      if (!id) return problem(400, 'PUT /statements needs the statementId parameter.');
      const parsed = parseJson(await request.text());
      if (parsed.error || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
        return problem(400, `The body must be one statement as JSON${parsed.error ? ` (${parsed.error})` : ''}.`);
      }
      const statement = parsed.value as Statement;
      if (statement.id !== undefined && statement.id !== id)
        return problem(400, 'The statement id does not match the statementId parameter.');
      const outcome = await storeStatements(storage, session, [{ ...statement, id }]);
      return outcome instanceof Response ? outcome : empty(204);
    }
    case 'POST': {
      const parsed = parseJson(await request.text());
      if (parsed.error || typeof parsed.value !== 'object' || parsed.value === null) {
        return problem(400, `The body must be a statement or an array of statements as JSON${parsed.error ? ` (${parsed.error})` : ''}.`);
      }
      const statements = (Array.isArray(parsed.value) ? parsed.value : [parsed.value]) as Statement[];
      const outcome = await storeStatements(storage, session, statements);
      return outcome instanceof Response ? outcome : json(outcome);
    }
    default:
      return problem(405, `${request.method} is not allowed on /statements.`);
  }
}

/**
 * Stores a batch atomically: every statement is validated (xAPI) and checked against the cmi5 rules
 * in order before any is kept. Resolves to the ids, or to the error answer.
 */
async function storeStatements(storage: StorageAdapter, session: Cmi5Session, statements: Statement[]): Promise<string[] | Response> {
  const course = await storage.getRecord<Cmi5CourseRecord>(Cmi5Collections.courses, session.courseId);
  if (!course) return problem(500, 'The course of this session is no longer stored.');
  const statusKey = auStatusId(session.registration, session.auId);
  const statusBefore =
    (await storage.getRecord<Cmi5AuStatus>(Cmi5Collections.auStatus, statusKey)) ??
    emptyStatus(course, session.learnerId, session.registration, session.auId);
  // Even the resend of a statement already stored: the session is over (cmi5 9.3.0.0-5).
  if (session.state === 'terminated' || session.state === 'abandoned')
    return problem(403, `This AU session is ${session.state}: no more statements are accepted for it.`);
  let current = { session, status: statusBefore };
  const accepted: Statement[] = [];
  for (const [index, statement] of statements.entries()) {
    const where = statements.length > 1 ? `Statement [${index}]` : 'The statement';
    const issues = validateStatement(statement);
    if (issues.length)
      return problem(
        400,
        `${where} is not valid xAPI: ${issues.map((issue) => `${issue.path || 'statement'} ${issue.message}`).join('; ')}`,
      );
    const shapeProblem = statementShapeProblem(statement);
    if (shapeProblem) return problem(403, `${where} was rejected: ${shapeProblem}`);
    const existing = await storage.getRecord<Cmi5StoredStatement>(Cmi5Collections.statements, statement.id);
    if (existing) {
      if (sameStatement(existing.statement, statement)) continue;
      return problem(409, `${where} reuses the id ${statement.id} of a different statement.`);
    }
    const outcome = checkAuStatement(statement, current.session, current.status);
    if (!outcome.accepted) return problem(outcome.status, `${where} was rejected: ${outcome.reason}`);
    current = applyAuStatement(statement, current.session, current.status, outcome.cmi5Defined);
    accepted.push(statement);
  }
  if (accepted.length === 0) return statements.map((statement) => statement.id);
  await storage.putRecord(Cmi5Collections.sessions, current.session);
  await recordStatements(storage, accepted, { learnerId: session.learnerId, sessionId: session.id });
  if (current.status !== statusBefore) {
    await storage.putRecord(Cmi5Collections.auStatus, current.status);
    const learner = { id: session.learnerId, actor: session.actor };
    await recordStatements(storage, await updateSatisfaction(storage, course, learner, session.registration, session.id), {
      learnerId: session.learnerId,
      sessionId: session.id,
    });
  }
  return statements.map((statement) => statement.id);
}

/** A resend of the same statement (ignoring what an LRS adds) is not a conflict. */
function sameStatement(a: Statement, b: Statement): boolean {
  const strip = (statement: Statement) => {
    const {
      stored: _stored,
      authority: _authority,
      version: _version,
      timestamp: _timestamp,
      ...rest
    } = statement as Statement & Record<string, unknown>;
    return rest;
  };
  return canonical(strip(a)) === canonical(strip(b));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

async function getStatements(storage: StorageAdapter, session: Cmi5Session, url: URL): Promise<Response> {
  const id = url.searchParams.get('statementId') ?? url.searchParams.get('voidedStatementId');
  const served = (record: Cmi5StoredStatement) => ({
    ...record.statement,
    stored: record.statement.timestamp,
    authority: { objectType: 'Agent', account: { homePage: new URL(url).origin, name: 'lms-kit' } },
    version: XAPI_VERSION,
  });
  if (id) {
    const record = await storage.getRecord<Cmi5StoredStatement>(Cmi5Collections.statements, id);
    if (!record || record.registration !== session.registration) return problem(404, `No statement ${id}.`);
    return json(served(record));
  }
  const verb = url.searchParams.get('verb');
  const activity = url.searchParams.get('activity');
  const registration = url.searchParams.get('registration') ?? session.registration;
  const limit = Number(url.searchParams.get('limit') ?? 0) || Infinity;
  const all = await storage.listRecords<Cmi5StoredStatement>(Cmi5Collections.statements, { learnerId: session.learnerId });
  const matching = all
    .filter((record) => record.registration === session.registration && registration === session.registration)
    .filter((record) => !verb || record.statement.verb.id === verb)
    .filter((record) => !activity || record.statement.object.id === activity)
    .sort((a, b) => b.statement.timestamp.localeCompare(a.statement.timestamp))
    .slice(0, limit)
    .map(served);
  return json({ statements: matching, more: '' });
}
