import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { revokeCertificate } from '@lms-kit/certificates';
import type { Course } from '@lms-kit/core';
import { MemoryAdapter, observeStorage, type StorageAdapter } from '@lms-kit/storage';
import { certifiedStorage } from './certificate-support.js';
import { withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Certificate',
  component: 'lms-certificate',
  parameters: {
    docs: {
      description: {
        component:
          'A learner’s certificate: `<lms-certificate course="food-safety-basics">` (their latest) or `certificate-id="urn:uuid:…"`. Print gives one landscape page; Download PDF makes the PDF in the browser; the QR code links to the verification page. Brand it with the `logo` and `signature` slots, `::part()` and `--lms-certificate-*`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const certificate = (storage: StorageAdapter, content = html`<lms-certificate course="food-safety-basics"></lms-certificate>`) =>
  withProvider(storage, html`<div style="max-width: 52rem">${content}</div>`);

/** Issued a month ago, valid for a year. */
export const Valid: Story = {
  loaders: [async () => certifiedStorage(30)],
  render: (_args, { loaded }) => certificate(loaded.storage as StorageAdapter),
};

/** Expires within the renewal window: "renew by …" and a Renew button that reopens the course. */
export const ExpiringSoon: Story = {
  loaders: [async () => certifiedStorage(350)],
  render: (_args, { loaded }) => certificate(loaded.storage as StorageAdapter),
};

export const Expired: Story = {
  loaders: [async () => certifiedStorage(400)],
  render: (_args, { loaded }) => certificate(loaded.storage as StorageAdapter),
};

/** The stored certificate was edited (the learner's name): verification fails and says which field. */
export const Tampered: Story = {
  loaders: [
    async () => {
      const { storage, record } = await certifiedStorage(30);
      await storage.putRecord('certificates', { ...record, learnerName: 'Someone Else' });
      return { storage };
    },
  ],
  render: (_args, { loaded }) => certificate(loaded.storage as StorageAdapter),
};

export const Revoked: Story = {
  loaders: [
    async () => {
      const { storage, record } = await certifiedStorage(30);
      await revokeCertificate(storage, record.id, 'Issued in error');
      return { storage };
    },
  ],
  render: (_args, { loaded }) => certificate(loaded.storage as StorageAdapter),
};

/** The `modern` template with the site's logo, a signature and its own accent colour. */
export const BrandedModern: Story = {
  loaders: [
    async () =>
      certifiedStorage(30, (course) => ({
        ...course,
        certificate: { ...(course.certificate as NonNullable<Course['certificate']>), template: 'modern' },
      })),
  ],
  render: (_args, { loaded }) =>
    certificate(
      loaded.storage as StorageAdapter,
      html`<lms-certificate course="food-safety-basics" style="--lms-certificate-accent: #7c2d12">
        <img slot="logo" src="/demo/logo.svg" alt="Northwind Bakery" />
        <img slot="signature" src="/demo/signature.svg" alt="Signature of Sam Okafor" />
      </lms-certificate>`,
    ),
};

/** The course is not completed yet. */
export const NoCertificateYet: Story = {
  loaders: [async () => ({ storage: observeStorage(new MemoryAdapter()) })],
  render: (_args, { loaded }) => certificate(loaded.storage as StorageAdapter),
};
