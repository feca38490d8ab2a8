// A real OpenID Connect provider (the `oidc-provider` package) for the sign-in end-to-end test,
// listening on 127.0.0.1 only. Usage:
//   node provider.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI
// Accounts (the dev sign-in form takes the account name as login; any password):
//   admin   - roles ["edubalance-admin", "staff"]
//   reader  - roles ["staff"]
//   forged  - like admin, but its ID token is re-signed with a key the provider never published
//   expired - like admin, but its ID token expired an hour ago (signed with the real key)
// The last two are what an attacker or a broken clock would present: the app must refuse them.
import { createServer } from 'node:http';

import * as jose from 'jose';
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
if (!port || !clientId || !clientSecret || !redirectUri) {
  console.error('usage: node provider.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;
const ROLES_SCOPE = 'roles';

const ACCOUNTS = {
  admin: { email: 'chief@bureau.example', name: 'Chief Admin', roles: ['edubalance-admin', 'staff'] },
  reader: { email: 'clerk@bureau.example', name: 'Clerk Reader', roles: ['staff'] },
  forged: { email: 'mallory@bureau.example', name: 'Forged Admin', roles: ['edubalance-admin'] },
  expired: { email: 'late@bureau.example', name: 'Expired Admin', roles: ['edubalance-admin'] },
};

async function signingKey(kid) {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  return { ...(await jose.exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

const realKey = await signingKey('signing-key');
const attackerKey = await signingKey('signing-key'); // same kid, never published

const configuration = {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [realKey] },
  cookies: { keys: ['test-provider-cookie-key-not-secret'] },
  scopes: ['openid', 'email', 'profile', ROLES_SCOPE],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username'],
    [ROLES_SCOPE]: ['roles'],
  },
  // Put the granted claims in the ID token itself, as Entra ID, Keycloak and Okta can: Streamlit
  // reads the user from the ID token (st.user), not from the userinfo endpoint.
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // the default page imports a web font from the internet; this one is self-contained
      async logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html><html><head><title>Sign out</title></head><body>
          <h1>Sign out of the test provider?</h1>${form}
          <button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
          </body></html>`;
      },
    },
  },
  async findAccount(ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email_verified: true, preferred_username: id, ...account };
      },
    };
  },
  // A first-party client: consent is implied, as an organisation's own apps are set up.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(`openid email profile ${ROLES_SCOPE}`);
    await grant.save();
    return grant;
  },
};

const provider = new Provider(issuer, configuration);

// Tamper with the ID token of the two hostile accounts on its way out of the token endpoint.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || !ctx.body?.id_token) return;
  const claims = jose.decodeJwt(ctx.body.id_token);
  const now = Math.floor(Date.now() / 1000);
  let key;
  if (claims.sub === 'forged') {
    key = attackerKey;
  } else if (claims.sub === 'expired') {
    Object.assign(claims, { iat: now - 7200, exp: now - 3600, auth_time: now - 7200 });
    key = realKey;
  } else {
    return;
  }
  const privateKey = await jose.importJWK(key, 'RS256');
  ctx.body = {
    ...ctx.body,
    id_token: await new jose.SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .sign(privateKey),
  };
  console.log(`tampered id_token issued for ${claims.sub}`);
});

provider.on('server_error', (ctx, error) => console.error('server_error', error));

createServer(provider.callback()).listen(Number(port), '127.0.0.1', () => {
  console.log(`oidc provider ready at ${issuer}`);
});
