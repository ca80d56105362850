import type { Learner } from '@lms-kit/core';
import {
  ActivityTypes,
  Verbs,
  buildStatement,
  toIsoDuration,
  type Activity,
  type Statement,
  type StatementResult,
} from '@lms-kit/core/xapi';

/** ADL xAPI SCORM Profile: statements a SCO's runtime calls turn into. */
export const SCORM_PROFILE = 'https://w3id.org/xapi/scorm';
const ATTEMPT_TYPE = 'http://adlnet.gov/expapi/activities/attempt';

export interface ScoStatementContext {
  learner: Learner;
  registration: string;
  /** The SCO as an activity (`…/sco/<item identifier>`). */
  sco: Activity;
  /** The course (or package) it belongs to. */
  course: Activity;
  /** One id per attempt of the SCO. */
  attemptId: string;
  language?: string;
}

export interface InteractionRecord {
  id: string;
  type?: string;
  description?: string;
  learnerResponse?: string;
  result?: string;
  correctResponses?: string[];
  latency?: string;
  weighting?: string;
}

/**
 * Builds the profile's statements for one SCO attempt: initialized/resumed when it starts,
 * completed, passed/failed, scored and answered as the content reports, terminated or suspended when
 * it ends. Every statement carries the registration, the course as parent, the attempt as grouping and
 * the profile as category.
 */
export class ScormStatements {
  constructor(private readonly context: ScoStatementContext) {}

  private build(verb: (typeof Verbs)[keyof typeof Verbs], result?: StatementResult, object: Activity = this.context.sco): Statement {
    const { learner, registration, course, sco, attemptId, language } = this.context;
    return buildStatement({
      actor: learner.actor,
      verb,
      object,
      result,
      context: {
        registration,
        platform: 'LMS Kit',
        ...(language ? { language } : {}),
        contextActivities: {
          parent: object === sco ? [course] : [sco],
          grouping: [
            ...(object === sco ? [] : [course]),
            { objectType: 'Activity', id: `${sco.id}?attemptId=${encodeURIComponent(attemptId)}`, definition: { type: ATTEMPT_TYPE } },
          ],
          category: [{ objectType: 'Activity', id: SCORM_PROFILE }],
        },
      },
    });
  }

  initialized(): Statement {
    return this.build(Verbs.initialized);
  }

  resumed(): Statement {
    return this.build(Verbs.resumed);
  }

  terminated(sessionMs: number): Statement {
    return this.build(Verbs.terminated, { duration: toIsoDuration(sessionMs) });
  }

  suspended(sessionMs: number): Statement {
    return this.build(Verbs.suspended, { duration: toIsoDuration(sessionMs) });
  }

  completed(): Statement {
    return this.build(Verbs.completed, { completion: true });
  }

  passed(score?: StatementResult['score']): Statement {
    return this.build(Verbs.passed, { success: true, ...(score ? { score } : {}) });
  }

  failed(score?: StatementResult['score']): Statement {
    return this.build(Verbs.failed, { success: false, ...(score ? { score } : {}) });
  }

  scored(score: NonNullable<StatementResult['score']>): Statement {
    return this.build(Verbs.scored, { score });
  }

  answered(interaction: InteractionRecord): Statement {
    const definition: Activity['definition'] = { type: ActivityTypes.interaction };
    if (interaction.type) definition.interactionType = interaction.type;
    if (interaction.description) definition.description = { [this.context.language ?? 'und']: interaction.description };
    if (interaction.correctResponses?.length) definition.correctResponsesPattern = interaction.correctResponses;
    const object: Activity = {
      objectType: 'Activity',
      id: `${this.context.sco.id}/interactions/${encodeURIComponent(interaction.id)}`,
      definition,
    };
    const result: StatementResult = {};
    if (interaction.learnerResponse !== undefined) result.response = interaction.learnerResponse;
    if (interaction.result === 'correct') result.success = true;
    else if (interaction.result === 'incorrect' || interaction.result === 'wrong') result.success = false;
    if (interaction.latency && /^P/.test(interaction.latency)) result.duration = interaction.latency;
    return this.build(Verbs.answered, Object.keys(result).length ? result : undefined, object);
  }
}
