import { createComponent } from '@lit/react';
import * as React from 'react';
import { LmsCertificateStatus as LmsCertificateStatusElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-certificate-status';

/** `<lms-certificate-status>`: One line about the learner's certificate for a course. */
export const LmsCertificateStatus = createComponent({
  tagName: 'lms-certificate-status',
  elementClass: LmsCertificateStatusElement,
  react: React,
  events: {},
});
