import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsCertificateVerify as LmsCertificateVerifyElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-certificate-verify';

/** `<lms-certificate-verify>`: Checks a certificate and says why it is or is not valid. */
export const LmsCertificateVerify = createComponent({
  tagName: 'lms-certificate-verify',
  elementClass: LmsCertificateVerifyElement,
  react: React,
  events: {
    onLmsCertificateVerify: 'lms-certificate-verify' as EventName<GlobalEventHandlersEventMap['lms-certificate-verify']>,
  },
});
