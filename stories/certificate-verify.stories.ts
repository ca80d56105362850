import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { LmsCertificateVerify } from '@lms-kit/elements';
import type { StorageAdapter } from '@lms-kit/storage';
import type { CertificateRecord } from '@lms-kit/certificates';
import { certifiedStorage } from './certificate-support.js';
import { withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Certificate verify',
  component: 'lms-certificate-verify',
  parameters: {
    docs: {
      description: {
        component:
          'The verification page’s element: paste a certificate (its file or signed token), choose a file, or open the page from the QR code’s link (`?certificate=<id>`). It says valid, expired, revoked, tampered or unknown issuer, and why.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** Renders the verifier and checks `input` as if the learner had pasted it. */
const verifying = (storage: StorageAdapter, input: string) =>
  withProvider(
    storage,
    html`<lms-certificate-verify
      style="max-width: 40rem"
      ${ref((el) => {
        // Upgraded explicitly: the template's element may not be in the document yet when the tag is defined.
        if (el)
          void customElements.whenDefined('lms-certificate-verify').then(() => {
            customElements.upgrade(el);
            return (el as LmsCertificateVerify).verify(input);
          });
      })}
    ></lms-certificate-verify>`,
  );

export const Empty: Story = {
  loaders: [async () => certifiedStorage(30)],
  render: (_args, { loaded }) => withProvider(loaded.storage as StorageAdapter, html`<lms-certificate-verify></lms-certificate-verify>`),
};

export const Valid: Story = {
  loaders: [async () => certifiedStorage(30)],
  render: (_args, { loaded }) => verifying(loaded.storage as StorageAdapter, JSON.stringify(loaded.record)),
};

export const Expired: Story = {
  loaders: [async () => certifiedStorage(400)],
  render: (_args, { loaded }) => verifying(loaded.storage as StorageAdapter, (loaded.record as CertificateRecord).jwt),
};

/** The course title was changed in the certificate file. */
export const Tampered: Story = {
  loaders: [async () => certifiedStorage(30)],
  render: (_args, { loaded }) =>
    verifying(loaded.storage as StorageAdapter, JSON.stringify({ ...(loaded.record as CertificateRecord), courseTitle: 'Master baker' })),
};

export const Malformed: Story = {
  loaders: [async () => certifiedStorage(30)],
  render: (_args, { loaded }) => verifying(loaded.storage as StorageAdapter, '{ "certificate": "yes please" '),
};
