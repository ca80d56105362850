import type { StorageChange } from '@lms-kit/storage';
import { certificateState, latestCertificate, type CertificateRecord } from '@lms-kit/certificates';
import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { certificateMessages } from '../../i18n/messages-en-certificate.js';
import { registerMessages } from '../../i18n/localize.js';
import { formatDate } from '../../i18n/localize.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { reflectStates } from '../../controllers/state-attributes.js';

// This chunk's English strings, registered when it loads.
registerMessages('en', certificateMessages);

/**
 * @tag lms-certificate-status
 * @summary One line about the learner's certificate for a course: valid until, renew by, expired or
 * renewal in progress. `<lms-progress>` shows it for courses that issue a certificate.
 *
 * @attr {'valid' | 'expiring' | 'expired' | 'renewing'} status - Set by the element when the learner has a certificate for the course (`lms-certificate-status[status='expired']`).
 *
 * @csspart base - The line.
 */
export class LmsCertificateStatus extends LmsElement {
  static override styles = [
    tokens,
    css`
      p {
        margin: 0.25rem 0;
        font-size: 0.875rem;
      }
      .expiring,
      .expired {
        color: var(--_danger);
        font-weight: 600;
      }
    `,
  ];

  /** Id of the course. */
  @property() course?: string;

  @state() private revision = 0;

  private readonly data = new Task(this, {
    args: () => [this.course, this.services.value, this.revision] as const,
    task: async ([course, services]) => (course && services ? latestCertificate(services.storage, services.learner.id, course) : undefined),
  });

  protected override storageChanged(change: StorageChange): void {
    if (change.type === 'record' && change.collection === 'certificates') this.revision++;
  }

  /** The learner's certificate for the course, once found: `valid`, `expiring`, `expired` or `renewing`; reflected as the `status` attribute. */
  get status(): ReturnType<typeof certificateState> | undefined {
    const record = this.data.value;
    return record ? certificateState(record) : undefined;
  }

  protected override updated(): void {
    reflectStates(this, { status: this.status });
  }

  protected override render() {
    const record = this.data.value;
    return record ? this.line(record) : nothing;
  }

  private line(record: CertificateRecord) {
    const state = certificateState(record);
    const date = (iso: string) => formatDate(this.locale, iso);
    if (state === 'renewing') return html`<p part="base">${this.t('certificate.statusRenewing')}</p>`;
    if (!record.expiresAt) return nothing;
    const text =
      state === 'expired'
        ? this.t('certificate.statusExpired', { date: date(record.expiresAt) })
        : state === 'expiring'
          ? this.t('certificate.statusRenewBy', { date: date(record.expiresAt) })
          : this.t('certificate.statusValid', { date: date(record.expiresAt) });
    return html`<p part="base" class=${state}>${text}</p>`;
  }
}
