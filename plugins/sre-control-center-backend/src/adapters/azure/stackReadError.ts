import { isRestError } from '@azure/core-rest-pipeline';
import type { StackSource } from '@sre-control-center/plugin-sre-control-center-common';
import { StackReadError } from '../../domain/stack/ports';

/** ARM's error body: `{ error: { code, message } }`. */
function armError(body: unknown): { code?: string; message?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
  };
}

/** Turns what an Azure SDK threw into a StackReadError for the domain. */
export function toStackReadError(
  source: StackSource,
  what: string,
  error: unknown,
): StackReadError {
  if (error instanceof StackReadError) return error;
  if (isRestError(error)) {
    const retryAfter = Number(error.response?.headers.get('retry-after'));
    const parsed = armError(
      (error.details as unknown) ?? safeJson(error.response?.bodyAsText),
    );
    return new StackReadError(
      `${what}: ${error.statusCode ?? ''} ${parsed.code ?? error.code ?? ''} ${
        parsed.message ?? error.message
      }`.replace(/\s+/g, ' '),
      {
        source,
        status: error.statusCode,
        code: parsed.code ?? error.code,
        retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
      },
    );
  }
  return new StackReadError(`${what}: ${(error as Error).message}`, { source });
}

function safeJson(text: string | undefined | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A REST client answer that is not 2xx, as a StackReadError. */
export function restFailure(
  source: StackSource,
  what: string,
  response: { status: string; body: unknown; headers: Record<string, string> },
): StackReadError {
  const parsed = armError(response.body);
  const retryAfter = Number(response.headers['retry-after']);
  return new StackReadError(
    `${what}: ${response.status} ${parsed.code ?? ''} ${parsed.message ?? ''}`
      .replace(/\s+/g, ' ')
      .trim(),
    {
      source,
      status: Number(response.status),
      code: parsed.code,
      retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
    },
  );
}
