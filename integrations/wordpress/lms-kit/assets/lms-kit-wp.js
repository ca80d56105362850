/**
 * Mounts the LMS Kit elements the plugin put on the page (in `<template>`s, so nothing starts before
 * the storage is known). A signed-in user gets an HttpStorageAdapter on the plugin's REST API with the
 * token the site signed, renewed with the REST nonce when it expires; a guest keeps progress in the
 * browser. The service worker is the one the site serves at its root.
 */
import { createHttpStorage } from './lms-kit/lms-kit.js';

const config = JSON.parse(document.getElementById('lms-kit-config')?.textContent || '{}');

if (config.serviceWorker && !document.querySelector('meta[name="lms-kit-service-worker"]')) {
  const meta = document.createElement('meta');
  meta.name = 'lms-kit-service-worker';
  meta.content = config.serviceWorker;
  meta.dataset.scope = config.scope || '/';
  document.head.append(meta);
}

const renew = async () => {
  const response = await fetch(`${config.endpoint}v1/token`, { credentials: 'same-origin', headers: { 'X-WP-Nonce': config.nonce } });
  if (!response.ok) throw new Error(`The site did not renew the learner token (${response.status}).`);
  return (await response.json()).token;
};

const storage = config.token
  ? createHttpStorage({ endpoint: config.endpoint, token: (reason) => (reason === 'initial' ? config.token : renew()) })
  : undefined;

for (const mount of document.querySelectorAll('.lms-kit-mount')) {
  const template = mount.querySelector('template');
  if (!template) continue;
  const content = document.importNode(template.content, true);
  const provider = content.querySelector('lms-provider');
  if (provider && config.learner) {
    provider.setAttribute('learner-email', config.learner.email);
    provider.setAttribute('learner-name', config.learner.name);
    provider.storage = await storage;
  }
  mount.replaceChildren(content);
}
