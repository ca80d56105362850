import { serverSigner, verifyCertificate, type CertificateSigner, type VerificationResult } from '@lms-kit/certificates';
import { isSafeUrl } from '@lms-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { trustedSigners } from '../../certificates/signers.js';
import { LmsCertificateVerifyEvent } from '../../events/certificate-verify.js';
import { certificateMessages } from '../../i18n/messages-en-certificate.js';
import { registerMessages } from '../../i18n/localize.js';
import { formatDate } from '../../i18n/localize.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { verifyStyles } from './lms-certificate-verify.styles.js';

// This chunk's English strings, registered when it loads.
registerMessages('en', certificateMessages);

/**
 * @tag lms-certificate-verify
 * @summary Checks a certificate: pasted (the certificate file's contents or its signed token), chosen
 * as a file, or by the id in the page's link (`?certificate=…`, as the QR code gives). Says whether it
 * is valid, expired, revoked, tampered with or from an unknown issuer, and why.
 *
 * @csspart base - The wrapper.
 * @csspart form - The input area.
 * @csspart result - The verdict, with the certificate's details.
 *
 * @event lms-certificate-verify - A certificate was checked. `detail: { result }` (`result.status`, `result.reason`, `result.certificate`)
 */
export class LmsCertificateVerify extends LmsElement {
  static override styles = verifyStyles;

  /** Id of a certificate to check at once. Default: the `certificate` parameter of the page's URL, if any. */
  @property({ attribute: 'certificate-id' }) certificateId?: string;
  /** URL of a site's signing endpoint whose certificates are trusted (see `serverSigner`), besides the provider's signer. */
  @property() endpoint?: string;
  /** More signers whose certificates are trusted. */
  @property({ attribute: false }) signers: CertificateSigner[] = [];
  /** Level of the heading. Default 2. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private result?: VerificationResult;
  @state() private checking = false;
  @query('textarea') private textarea?: HTMLTextAreaElement;
  private checkedInitial = false;
  private run = 0;

  /** Once services are known: check the certificate the page was opened for, if any. */
  protected override servicesChanged(): void {
    if (this.checkedInitial) return;
    this.checkedInitial = true;
    const id = this.certificateId ?? new URLSearchParams(location.search).get('certificate') ?? undefined;
    if (id) void this.verify(id);
  }

  /** Checks a certificate (text, parsed JSON or a file) and shows the verdict; resolves to the result. */
  async verify(input: string | Blob | Record<string, unknown>): Promise<VerificationResult> {
    const run = ++this.run;
    this.checking = true;
    // Which keys are trusted depends on the provider (a server signer distrusts learners' browser keys).
    const services = this.services.value ?? (await this.services.ready);
    const extra = this.endpoint ? [serverSigner({ endpoint: new URL(this.endpoint, document.baseURI).href })] : [];
    const result = await verifyCertificate(input, {
      signers: trustedSigners(services, [...extra, ...this.signers]),
      storage: services.storage,
    });
    if (run === this.run) {
      this.result = result;
      this.checking = false;
      this.dispatchEvent(new LmsCertificateVerifyEvent({ result }));
    }
    return result;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.verify(this.textarea?.value ?? '');
  }

  private onFile(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void this.verify(file);
  }

  protected override render() {
    const level = Math.min(6, Math.max(1, this.headingLevel));
    return html`<section part="base" aria-labelledby="verify-heading">
      <div class="heading" id="verify-heading" role="heading" aria-level=${level}>${this.t('verify.title')}</div>
      <form part="form" @submit=${this.onSubmit}>
        <label for="certificate-input">${this.t('verify.input')}</label>
        <textarea id="certificate-input" spellcheck="false" autocomplete="off"></textarea>
        <div class="row">
          <button class="action" type="submit" ?disabled=${this.checking}>${this.t('verify.submit')}</button>
          <span>
            <label for="certificate-file">${this.t('verify.file')}</label>
            <input id="certificate-file" type="file" accept=".json,.jwt,.txt,application/json,text/plain" @change=${this.onFile} />
          </span>
        </div>
      </form>
      <div role="status" aria-live="polite">
        ${this.checking ? html`<p aria-busy="true">${this.t('verify.checking')}</p>` : this.result ? this.renderResult(this.result) : nothing}
      </div>
    </section>`;
  }

  private renderResult(result: VerificationResult) {
    const certificate = result.certificate;
    const date = (iso: string) => formatDate(this.locale, iso);
    const reason = this.t(`verify.reason.${result.reason}`, {
      field: result.field ?? '',
      date:
        result.status === 'not-yet-valid' && certificate
          ? date(certificate.issuedAt)
          : certificate?.expiresAt
            ? date(certificate.expiresAt)
            : '',
    });
    const trusted = ['valid', 'not-yet-valid', 'expired', 'revoked'].includes(result.status);
    return html`<div part="result" class=${result.status}>
      <p class="status">${this.t(`verify.status.${result.status}`)}</p>
      <p>${reason}</p>
      ${result.revocation?.reason ? html`<p>${this.t('verify.revokedReason', { reason: result.revocation.reason })}</p>` : nothing}
      ${trusted && result.selfIssued ? html`<p class="note">${this.t('verify.selfIssued')}</p>` : nothing}
      ${
        certificate && result.status !== 'tampered'
          ? html`${trusted ? nothing : html`<p class="note">${this.t('verify.unconfirmedDetails')}</p>`}
              <dl>
                <dt>${this.t('verify.learner')}</dt>
                <dd>${certificate.learnerName}</dd>
                <dt>${this.t('verify.course')}</dt>
                <dd>${certificate.courseTitle}${certificate.courseVersion ? ` (${certificate.courseVersion})` : ''}</dd>
                <dt>${this.t('verify.issued')}</dt>
                <dd>${date(certificate.issuedAt)}</dd>
                <dt>${this.t('verify.expires')}</dt>
                <dd>${certificate.expiresAt ? date(certificate.expiresAt) : this.t('verify.never')}</dd>
                ${
                  certificate.score !== undefined
                    ? html`<dt>${this.t('verify.score')}</dt>
                        <dd>${certificate.score} %</dd>`
                    : nothing
                }
                <dt>${this.t('verify.issuer')}</dt>
                <dd>${certificate.issuer.name}${issuerLink(certificate.issuer.url)}</dd>
                <dt>${this.t('verify.id')}</dt>
                <dd>${certificate.id}</dd>
              </dl>`
          : nothing
      }
    </div>`;
  }
}

/** The issuer's URL as a link when it is one a browser may follow; a signed `javascript:` stays text. */
function issuerLink(url: string | undefined): TemplateResult | typeof nothing {
  if (!url) return nothing;
  return isSafeUrl(url) && /^https?:/i.test(url.trim()) ? html` · <a href=${url}>${url}</a>` : html` · ${url}`;
}
