import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether `signature` (`X-Hub-Signature-256: sha256=<hex>`) is GitHub's
 * HMAC-SHA256 of the raw body under one of the secrets (the current one and,
 * during a rotation, the previous one). Constant-time per secret.
 *
 * Node's crypto rather than `@octokit/webhooks-methods`: that package
 * declares only `import` exports, which the CommonJS backend cannot require.
 */
export function verifyGithubSignature(
  secrets: string[],
  body: Buffer,
  signature: string | undefined,
): boolean {
  if (!signature || !/^sha256=[0-9a-f]{64}$/i.test(signature)) return false;
  const given = Buffer.from(signature.slice(7).toLowerCase(), 'hex');
  let ok = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(body).digest();
    // Every secret is compared, so timing says nothing about which matched.
    ok = timingSafeEqual(expected, given) || ok;
  }
  return ok;
}
