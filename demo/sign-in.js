/**
 * The full-stack demo's pages for one signed-in user: a real site would take the token from its own login.
 * Shows who is signed in and puts `elements` (markup) in `#area` inside a provider on the server's storage.
 */
import { HttpStorageAdapter } from '../dist/lms-kit-server-storage.js';

export async function showSignedIn(role, elements) {
  const signIn = async () => (await fetch(`/demo-sign-in?as=${role}`)).json();
  const { token, server, user } = await signIn();
  document.getElementById('who').textContent = `${user.name} (${user.roles.join(', ')})`;
  // The provider gets the server's storage before it is in the page, so its elements read the server from the start.
  const provider = document.createElement('lms-provider');
  provider.setAttribute('learner-name', user.name);
  provider.setAttribute('learner-email', user.email);
  // Asked again on 401: a real site would call its own token endpoint here.
  provider.storage = new HttpStorageAdapter({
    endpoint: server,
    token: async (reason) => (reason === 'initial' ? token : (await signIn()).token),
  });
  provider.innerHTML = elements;
  document.getElementById('area').replaceChildren(provider);
}
