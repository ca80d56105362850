import type { StorageChange } from '@lms-kit/storage';
import {
  certificateState,
  contentFromCredential,
  decodeJws,
  findCertificate,
  latestCertificate,
  renewCertificate,
  verifyCertificate,
  type CertificateRecord,
  type CertificateSigner,
  type VerificationResult,
} from '@lms-kit/certificates';
import { toLmsError, type Course } from '@lms-kit/core';
import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { certificateText, defaultPaper } from '../../certificates/certificate-text.js';
import { trustedSigners } from '../../certificates/signers.js';
import { readCourseOutline } from '../../course/course-outline-store.js';
import { LmsCertificateExpiringEvent } from '../../events/certificate-expiring.js';
import { LmsCertificateRenewEvent } from '../../events/certificate-renew.js';
import { LmsErrorEvent } from '../../events/error.js';
import { certificateMessages } from '../../i18n/messages-en-certificate.js';
import { registerMessages } from '../../i18n/localize.js';
import { formatDate } from '../../i18n/localize.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { renderCertificate } from './certificate-template.js';
import { certificateStyles } from './lms-certificate.styles.js';
import { fileSlug, hexOf, saveFile, slottedImage } from './pdf-export.js';
import { isolateForPrint } from './print.js';

// This chunk's English strings, registered when it loads.
registerMessages('en', certificateMessages);

interface CertificateData {
  record?: CertificateRecord;
  verification?: VerificationResult;
  course?: Course;
}

const DAY_MS = 86_400_000;

/** A certificate not in this browser's store, from a signer that keeps what it signed (a site's server). */
async function fromSigners(signers: CertificateSigner[], id: string): Promise<CertificateRecord | undefined> {
  for (const signer of signers) {
    const jwt = await signer.find?.(id).catch(() => undefined);
    if (!jwt) continue;
    try {
      return { ...contentFromCredential(decodeJws(jwt).payload), jwt };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * @tag lms-certificate
 * @summary Shows a learner's certificate: print it on one landscape page, download it as a PDF or
 * as an Open Badge, check it with the QR code, and renew it when it is about to expire.
 *
 * @slot logo - The issuer's logo (an `<img>`; PNG, JPEG or SVG), also drawn in the PDF.
 * @slot signature - An image of a signature, above the issuer's name (also in the PDF).
 *
 * @csspart base - The wrapper.
 * @csspart certificate - The certificate page.
 * @csspart title - The heading.
 * @csspart preamble - "This certifies that".
 * @csspart learner - The learner's name.
 * @csspart statement - "has completed the course".
 * @csspart course - The course title.
 * @csspart details - Issue date, expiry and score.
 * @csspart issuer - The issuer's name, link and signature.
 * @csspart qr - The QR code and the verification link.
 * @csspart notice - The renewal, expiry or revocation notice.
 * @csspart actions - The Print and Download buttons.
 *
 * @cssproperty --lms-certificate-accent - Borders, heading and PDF accents. Default: `--lms-color-accent` (`#1d4ed8`).
 * @cssproperty --lms-certificate-font-family - Font of the heading, name and course. Default `Georgia, serif`.
 * @cssproperty --lms-certificate-background - Background of the certificate. Default: `--lms-color-surface` (white).
 *
 * @event lms-certificate-expiring - The certificate shown is within its renewal window or expired. `detail: { certificateId, courseId, learnerId, expiresAt, daysLeft, expired }`
 * @event lms-certificate-renew - The learner asks to renew; cancelable. `detail: { certificateId, courseId }`
 * @event lms-error - Loading, the PDF or the renewal failed. `detail: { error, recoverable }`
 */
export class LmsCertificate extends LmsElement {
  static override styles = certificateStyles;

  /** Id of the certificate to show (`urn:uuid:…`): from this browser's store, or from the provider's signing server. */
  @property({ attribute: 'certificate-id' }) certificateId?: string;
  /** Id of a course: shows the current learner's latest certificate of it. */
  @property() course?: string;
  /** A certificate record to show, instead of looking it up. */
  @property({ attribute: false }) certificate?: CertificateRecord;
  /** `a4` or `letter`, for printing and the PDF. Default: Letter in the Americas where it is the norm, A4 elsewhere. */
  @property() paper?: 'a4' | 'letter';
  /** Days before expiry from which to show "renew by"; default: the course's `renewal.remindDays` (30). */
  @property({ type: Number, attribute: 'renew-window' }) renewWindow?: number;

  @state() private revision = 0;
  @state() private busy?: 'pdf' | 'renew';
  @state() private message = '';
  @query('slot[name="logo"]') private logoSlot?: HTMLSlotElement | null;
  @query('slot[name="signature"]') private signatureSlot?: HTMLSlotElement | null;
  @query('[part="title"]') private titleElement?: HTMLElement | null;
  private announced = new Set<string>();

  private readonly data = new Task(this, {
    args: () => [this.certificateId, this.course, this.certificate, this.services.value, this.revision] as const,
    task: async ([id, courseId, given, services]): Promise<CertificateData | typeof initialState> => {
      if (!services) return initialState;
      const { storage, learner } = services;
      const signers = trustedSigners(services);
      const record =
        given ??
        (id
          ? ((await findCertificate(storage, id)) ?? (await fromSigners(signers, id)))
          : courseId
            ? await latestCertificate(storage, learner.id, courseId)
            : undefined);
      if (!record) return {};
      const [verification, course] = await Promise.all([
        verifyCertificate(record, { signers, storage }),
        readCourseOutline(storage, record.courseId).catch(() => undefined),
      ]);
      return { record, verification, course: course as Course | undefined };
    },
    onComplete: (data) => this.announceExpiry(data as CertificateData),
    onError: (error) => this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'storage/failed'), recoverable: false })),
  });

  protected override storageChanged(change: StorageChange): void {
    if ((change.type === 'record' && change.collection === 'certificates') || change.type === 'progress') this.revision++;
  }

  /** The certificate shown, once loaded. */
  get record(): CertificateRecord | undefined {
    return this.data.value?.record;
  }

  private get paperSize(): 'a4' | 'letter' {
    return this.paper === 'letter' || this.paper === 'a4' ? this.paper : defaultPaper(this.locale);
  }

  private timeline(record: CertificateRecord) {
    return certificateState(record, new Date(), this.renewWindow);
  }

  private announceExpiry({ record, verification }: CertificateData): void {
    if (!record?.expiresAt || verification?.status === 'tampered' || this.announced.has(record.id)) return;
    const state = this.timeline(record);
    if (state !== 'expiring' && state !== 'expired') return;
    this.announced.add(record.id);
    const daysLeft = Math.ceil((new Date(record.expiresAt).getTime() - Date.now()) / DAY_MS);
    const { id: certificateId, courseId, learnerId, expiresAt } = record;
    this.dispatchEvent(
      new LmsCertificateExpiringEvent({ certificateId, courseId, learnerId, expiresAt, daysLeft, expired: state === 'expired' }),
    );
  }

  /**
   * Hides the rest of the page and sets a landscape page for printing this certificate (what the Print
   * button does before the print dialog). Returns the function that undoes it; for pages printed headless.
   */
  preparePrint(): () => void {
    return isolateForPrint(this, this.paperSize);
  }

  /** Opens the print dialog for this certificate alone, on one page. */
  print(): void {
    const restore = this.preparePrint();
    window.addEventListener('afterprint', restore, { once: true });
    window.print();
  }

  /** The certificate as a PDF made in the browser (pdf-lib): embedded fonts, selectable text, learner and course in the metadata. */
  async pdf(): Promise<Uint8Array> {
    const record = this.record;
    if (!record) throw toLmsError(new Error('No certificate is shown.'), 'certificate/not-found');
    // pdf-lib and its font engine (≈ 500 KiB) load on the first download, not with the certificate.
    const [{ certificatePdf }, logo, signature] = await Promise.all([
      import('@lms-kit/certificates/pdf'),
      slottedImage(this.logoSlot ?? null),
      slottedImage(this.signatureSlot ?? null),
    ]);
    return certificatePdf(certificateText(record, this.t.bind(this), this.locale), {
      paper: this.paperSize,
      template: record.template,
      accentColor: this.titleElement ? hexOf(getComputedStyle(this.titleElement).color) : undefined,
      logo,
      signature,
      language: this.locale,
      issuedAt: new Date(record.issuedAt),
    });
  }

  private async downloadPdf(record: CertificateRecord): Promise<void> {
    this.busy = 'pdf';
    this.message = this.t('certificate.preparingPdf');
    try {
      saveFile(await this.pdf(), `${fileSlug('certificate', record.courseId, record.learnerName)}.pdf`, 'application/pdf');
      this.message = this.t('certificate.pdfReady');
    } catch (error) {
      const lmsError = toLmsError(error, 'certificate/pdf-failed');
      this.message = lmsError.message;
      this.dispatchEvent(new LmsErrorEvent({ error: lmsError, recoverable: true }));
    } finally {
      this.busy = undefined;
    }
  }

  private downloadCredential(record: CertificateRecord): void {
    saveFile(
      `${JSON.stringify(record, null, 2)}\n`,
      `${fileSlug('certificate', record.courseId, record.learnerName)}.json`,
      'application/json',
    );
  }

  private async renew(record: CertificateRecord, course: Course): Promise<void> {
    const services = this.services.value;
    if (!services || !this.dispatchEvent(new LmsCertificateRenewEvent({ certificateId: record.id, courseId: record.courseId }))) return;
    this.busy = 'renew';
    try {
      await renewCertificate(services.storage, course, record);
    } catch (error) {
      this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'storage/failed'), recoverable: true }));
    } finally {
      this.busy = undefined;
      this.revision++;
    }
  }

  protected override render() {
    return html`<div part="base">
      ${this.data.render({
        initial: () => html`<p aria-busy="true">${this.t('common.loading')}</p>`,
        pending: () => (this.data.value ? this.renderData(this.data.value) : html`<p aria-busy="true">${this.t('common.loading')}</p>`),
        complete: (data) => this.renderData(data),
        error: (error) => html`<p class="error" role="alert">${toLmsError(error, 'storage/failed').message}</p>`,
      })}
    </div>`;
  }

  private renderData({ record, verification, course }: CertificateData) {
    if (!record) {
      return this.certificateId
        ? html`<p class="error" role="alert">${this.t('certificate.notFound')}</p>`
        : html`<p class="empty">${this.t('certificate.none')}</p>`;
    }
    const invalid = verification?.status === 'tampered' || verification?.status === 'malformed';
    const text = certificateText(record, this.t.bind(this), this.locale);
    return html`${this.renderNotice(record, verification, course)} ${renderCertificate(record, text, this.t.bind(this), invalid)}
      <div part="actions" class="actions">
        <button class="action secondary" @click=${() => this.print()}>${this.t('certificate.print')}</button>
        <button class="action secondary" ?disabled=${this.busy === 'pdf'} @click=${() => this.downloadPdf(record)}>
          ${this.t('certificate.downloadPdf')}
        </button>
        <button class="action secondary" @click=${() => this.downloadCredential(record)}>
          ${this.t('certificate.downloadCredential')}
        </button>
      </div>
      <p class="visually-hidden" role="status">${this.message}</p>`;
  }

  private renderNotice(record: CertificateRecord, verification: VerificationResult | undefined, course: Course | undefined) {
    const date = (iso: string) => formatDate(this.locale, iso);
    if (verification?.status === 'tampered' || verification?.status === 'malformed') {
      const reason = this.t(`verify.reason.${verification.reason}`, { field: verification.field ?? '' });
      return html`<p part="notice" class="notice error" role="alert">${this.t('certificate.invalid', { reason })}</p>`;
    }
    if (record.revoked) {
      return html`<p part="notice" class="notice error" role="alert">
        ${this.t('certificate.revoked', { date: date(record.revoked.at) })}
      </p>`;
    }
    const state = this.timeline(record);
    if (state === 'renewing' && record.renewedAt) {
      return html`<p part="notice" class="notice">${this.t('certificate.renewing', { date: date(record.renewedAt) })}</p>`;
    }
    if ((state === 'expiring' || state === 'expired') && record.expiresAt) {
      const canRenew = course?.id === record.courseId && !!course.modules;
      return html`<div part="notice" class="notice warning" role="note">
        <span>${this.t(state === 'expired' ? 'certificate.expired' : 'certificate.renewBy', { date: date(record.expiresAt) })}</span>
        ${
          canRenew
            ? html`<button class="action" ?disabled=${this.busy === 'renew'} @click=${() => this.renew(record, course as Course)}>
                ${this.t('certificate.renew')}
              </button>`
            : nothing
        }
      </div>`;
    }
    if (verification?.status === 'unknown-issuer') {
      return html`<p part="notice" class="notice warning" role="note">${this.t('certificate.unconfirmed')}</p>`;
    }
    return nothing;
  }
}
