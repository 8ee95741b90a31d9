import type { LoggerService } from '@backstage/backend-plugin-api';
import { serializeError } from '@backstage/errors';
import type express from 'express';

/** The status an error stands for: its own, or that of Backstage's error names. */
function statusOf(error: Error): number {
  const own = (error as { statusCode?: unknown }).statusCode;
  if (
    typeof own === 'number' &&
    Number.isInteger(own) &&
    own >= 400 &&
    own < 600
  ) {
    return own;
  }
  const byName: Record<string, number> = {
    InputError: 400,
    AuthenticationError: 401,
    NotAllowedError: 403,
    NotFoundError: 404,
    ConflictError: 409,
    NotImplementedError: 501,
    ServiceUnavailableError: 503,
  };
  return byName[error.name] ?? 500;
}

/**
 * The plugin's error answers: `{error:{name,message}, request:{method,url},
 * response:{statusCode}}` like Backstage's own handler, except that the URL
 * has no query string (webhook URLs carry `?token=`) and stack traces are
 * only shown in development.
 */
export function createErrorHandler(options: {
  logger: LoggerService;
  showStackTraces?: boolean;
}): express.ErrorRequestHandler {
  const showStack =
    options.showStackTraces ?? process.env.NODE_ENV === 'development';
  return (rawError, req, res, next) => {
    const error =
      rawError instanceof Error ? rawError : new Error(String(rawError));
    const statusCode = statusOf(error);
    if (statusCode >= 500) {
      options.logger.error(`Request failed with status ${statusCode}`, error);
    }
    if (res.headersSent) {
      next(error);
      return;
    }
    res.status(statusCode).json({
      error: serializeError(error, { includeStack: showStack }),
      request: { method: req.method, url: `${req.baseUrl}${req.path}` },
      response: { statusCode },
    });
  };
}
