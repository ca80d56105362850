import { SignJWT, exportJWK, generateKeyPair } from 'jose';

/**
 * A small certificate-signing server for the browser tests, on the test server's own origin under
 * `/__certificate-server`: it implements the endpoint contract of `serverSigner()` (see
 * packages/certificates/README.md) with its own ES256 key, signing with jose, a JOSE library
 * independent of LMS Kit's code. `POST /admin/revoke/<id>` and the `x-test-fail` request header
 * (an HTTP status to answer with) let tests revoke and simulate an outage.
 */
export function certificateServerMiddleware(base = '/__certificate-server') {
  const issuerId = 'https://training.northwind-bakery.example/issuer';
  const keys = generateKeyPair('ES256', { extractable: true }).then(async ({ privateKey, publicKey }) => ({
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), alg: 'ES256', use: 'sig' },
  }));
  const issued = new Map();

  const readJson = (req) =>
    new Promise((resolve, reject) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        try {
          resolve(JSON.parse(body || 'null'));
        } catch (error) {
          reject(error);
        }
      });
      req.on('error', reject);
    });

  return async (ctx, next) => {
    if (!ctx.path.startsWith(`${base}/`)) return next();
    const path = ctx.path.slice(base.length);
    const send = (status, body) => {
      ctx.status = status;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(body);
    };
    const fail = Number(ctx.get('x-test-fail'));
    if (fail) return send(fail, { error: 'simulated failure' });
    const { privateKey, publicJwk } = await keys;
    if (ctx.method === 'GET' && path === '/issuer') return send(200, { id: issuerId });
    if (ctx.method === 'GET' && path === '/jwks') return send(200, { keys: [publicJwk] });
    if (ctx.method === 'POST' && path === '/credentials') {
      const body = await readJson(ctx.req).catch(() => undefined);
      const credential = body?.credential;
      if (!credential || typeof credential.id !== 'string' || !credential.credentialSubject) return send(400, { error: 'no credential' });
      // The server decides who the issuer is: it never signs the issuer a browser claims.
      const signed = { ...credential, issuer: { ...credential.issuer, id: issuerId } };
      const seconds = (iso) => Math.floor(new Date(iso).getTime() / 1000);
      const claims = { iss: issuerId, jti: signed.id, nbf: seconds(signed.validFrom) };
      if (signed.validUntil) claims.exp = seconds(signed.validUntil);
      if (signed.credentialSubject.id) claims.sub = signed.credentialSubject.id;
      const { alg: _alg, use: _use, ...jwk } = publicJwk;
      const jwt = await new SignJWT({ ...signed, ...claims }).setProtectedHeader({ alg: 'ES256', typ: 'JWT', jwk }).sign(privateKey);
      issued.set(signed.id, { jwt, status: { revoked: false } });
      return send(201, { jwt });
    }
    const credentialPath = /^\/credentials\/(.+)$/.exec(path);
    if (ctx.method === 'GET' && credentialPath) {
      const entry = issued.get(decodeURIComponent(credentialPath[1]));
      return entry ? send(200, entry) : send(404, { error: 'unknown certificate' });
    }
    const revokePath = /^\/admin\/revoke\/(.+)$/.exec(path);
    if (ctx.method === 'POST' && revokePath) {
      const entry = issued.get(decodeURIComponent(revokePath[1]));
      if (!entry) return send(404, { error: 'unknown certificate' });
      entry.status = { revoked: true, revokedAt: new Date().toISOString(), reason: 'Issued in error' };
      return send(200, entry.status);
    }
    return send(404, { error: 'no such endpoint' });
  };
}
