import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsCertificate as LmsCertificateElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-certificate';

/** `<lms-certificate>`: The learner's certificate: print, PDF, Open Badge, renewal. */
export const LmsCertificate = createComponent({
  tagName: 'lms-certificate',
  elementClass: LmsCertificateElement,
  react: React,
  events: {
    onLmsCertificateExpiring: 'lms-certificate-expiring' as EventName<GlobalEventHandlersEventMap['lms-certificate-expiring']>,
    onLmsCertificateRenew: 'lms-certificate-renew' as EventName<GlobalEventHandlersEventMap['lms-certificate-renew']>,
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
  },
});
