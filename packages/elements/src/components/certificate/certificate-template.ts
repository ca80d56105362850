import type { CertificateContent } from '@lms-kit/certificates';
import type { CertificatePdfText } from '@lms-kit/certificates/pdf';
import { qrCode, qrSvgPath } from '@lms-kit/certificates/qr';
import { html, nothing } from 'lit';
import type { Translate } from '../../i18n/localize.js';

/** The certificate itself, as HTML: the same words as the PDF, with parts and slots for branding. */
export function renderCertificate(certificate: CertificateContent, text: CertificatePdfText, t: Translate, invalid: boolean) {
  const qr = text.verifyUrl ? qrCode(text.verifyUrl) : undefined;
  return html`<article
    part="certificate"
    class="certificate ${certificate.template} ${invalid ? 'invalid' : ''}"
    aria-labelledby="certificate-title"
  >
    <div class="main">
      <slot name="logo"></slot>
      <h2 id="certificate-title" part="title">${text.title}</h2>
      <p part="preamble" class="muted">${text.preamble}</p>
      <p part="learner" class="learner">${text.learnerName}</p>
      <p part="statement" class="muted">${text.statement}</p>
      <p part="course" class="course">${text.courseTitle}</p>
      <p part="details" class="details">${text.details.map((line) => html`<span>${line}</span>`)}</p>
    </div>
    <div class="footer">
      <div part="issuer" class="issuer">
        <slot name="signature"></slot>
        <span class="issuer-name">${text.issuerName}</span>
        ${text.issuerUrl ? html`<a class="small" href=${text.issuerUrl}>${text.issuerUrl}</a>` : nothing}
        ${text.selfIssuedNote ? html`<span class="small">${text.selfIssuedNote}</span>` : nothing}
      </div>
      ${
        qr && text.verifyUrl
          ? html`<figure part="qr">
              <figcaption class="small">
                ${text.verifyLabel}<br /><a href=${text.verifyUrl}>${text.verifyUrl}</a><br />${text.idLine}
              </figcaption>
              <svg viewBox="-2 -2 ${qr.size + 4} ${qr.size + 4}" role="img" aria-label=${t('certificate.qrLabel')}>
                <rect x="-2" y="-2" width=${qr.size + 4} height=${qr.size + 4} fill="#fff"></rect>
                <path d=${qrSvgPath(qr)} fill="#000"></path>
              </svg>
            </figure>`
          : html`<p class="small">${text.idLine}</p>`
      }
    </div>
  </article>`;
}
