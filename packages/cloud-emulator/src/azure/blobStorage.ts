import { createHash, randomUUID } from 'node:crypto';
import express, { NextFunction, Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { StoredBlob } from '../world/state';

/** x-ms-version values the emulator answers (storage-blob 12.34 sends 2026-02-06). */
const MIN_VERSION = '2019-02-02';

/**
 * Blob Storage data plane, path-style as Azurite serves it:
 * `{endpoint}/{account}/{container}/{blob}`. Get Blob (with Range), Get Blob
 * Properties (HEAD) and Put Blob (BlockBlob), with the headers and XML
 * errors of the Blob service REST API. Requests need an OAuth bearer token
 * (a Storage Blob Data role in real Azure); `state.blobAccessDenied` plays a
 * missing role.
 */
export function blobStorageRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const accounts = () =>
    new Set(ctx.state.blobContainers.map(c => c.account.toLowerCase()));

  const sendError = (
    res: Response,
    status: number,
    code: string,
    message: string,
    head = false,
  ) => {
    const requestId = randomUUID();
    res.status(status).set({
      'x-ms-error-code': code,
      'x-ms-request-id': requestId,
      'x-ms-version': '2026-02-06',
      'Content-Type': 'application/xml',
    });
    if (head) {
      res.end();
      return;
    }
    res.send(
      `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\nRequestId:${requestId}\nTime:${ctx
        .now()
        .toISOString()}</Message></Error>`,
    );
  };

  const guard = (req: Request, res: Response): boolean => {
    const head = req.method === 'HEAD';
    const version = req.get('x-ms-version');
    if (!version || version < MIN_VERSION) {
      sendError(
        res,
        400,
        'MissingRequiredHeader',
        'An HTTP header that is mandatory for this request is not specified.',
        head,
      );
      return false;
    }
    const auth = req.get('authorization');
    if (!auth) {
      sendError(
        res,
        401,
        'NoAuthenticationInformation',
        'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.',
        head,
      );
      return false;
    }
    if (!/^bearer\s+\S+/i.test(auth)) {
      sendError(
        res,
        403,
        'AuthenticationFailed',
        'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
        head,
      );
      return false;
    }
    if (ctx.state.blobAccessDenied) {
      sendError(
        res,
        403,
        'AuthorizationPermissionMismatch',
        'This request is not authorized to perform this operation using this permission.',
        head,
      );
      return false;
    }
    return true;
  };

  const find = (account: string, container: string, name: string) =>
    ctx.state.blobs.find(
      b =>
        b.account.toLowerCase() === account.toLowerCase() &&
        b.container === container &&
        b.name === name,
    );
  const containerExists = (account: string, container: string) =>
    ctx.state.blobContainers.some(
      c =>
        c.account.toLowerCase() === account.toLowerCase() &&
        c.name === container,
    );

  const blobHeaders = (blob: StoredBlob, length: number) => ({
    'Last-Modified': new Date(blob.lastModified).toUTCString(),
    'x-ms-creation-time': new Date(blob.createdAt).toUTCString(),
    'Content-Length': String(length),
    'Content-Type': blob.contentType,
    'Content-MD5': createHash('md5').update(blob.body).digest('base64'),
    ETag: blob.etag,
    'Accept-Ranges': 'bytes',
    'x-ms-blob-type': 'BlockBlob',
    'x-ms-lease-status': 'unlocked',
    'x-ms-lease-state': 'available',
    'x-ms-server-encrypted': 'true',
    'x-ms-access-tier': 'Hot',
    'x-ms-access-tier-inferred': 'true',
    'x-ms-request-id': randomUUID(),
    'x-ms-version': '2026-02-06',
    Date: ctx.now().toUTCString(),
  });

  const parse = (req: Request) => {
    const [, account, container, ...rest] = req.path.split('/');
    return {
      account,
      container,
      name: rest.map(decodeURIComponent).join('/'),
    };
  };

  const read = (req: Request, res: Response) => {
    const head = req.method === 'HEAD';
    if (!guard(req, res)) return;
    const { account, container, name } = parse(req);
    if (!containerExists(account, container)) {
      sendError(
        res,
        404,
        'ContainerNotFound',
        'The specified container does not exist.',
        head,
      );
      return;
    }
    const blob = find(account, container, name);
    if (!blob) {
      sendError(
        res,
        404,
        'BlobNotFound',
        'The specified blob does not exist.',
        head,
      );
      return;
    }
    const body = Buffer.from(blob.body, 'utf8');
    const range = /bytes=(\d+)-(\d*)/.exec(
      req.get('x-ms-range') ?? req.get('range') ?? '',
    );
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(
        range[2] ? Number(range[2]) : body.length - 1,
        body.length - 1,
      );
      if (start >= body.length) {
        sendError(
          res,
          416,
          'InvalidRange',
          'The range specified is invalid for the current size of the resource.',
          head,
        );
        return;
      }
      const part = body.subarray(start, end + 1);
      res.status(206).set({
        ...blobHeaders(blob, part.length),
        'Content-Range': `bytes ${start}-${end}/${body.length}`,
      });
      res.end(head ? undefined : part);
      return;
    }
    res.status(200).set(blobHeaders(blob, body.length));
    res.end(head ? undefined : body);
  };

  const isBlobPath = (req: Request) => {
    const [, account, container, blob] = req.path.split('/');
    return Boolean(
      account && container && blob && accounts().has(account.toLowerCase()),
    );
  };

  router.use((req: Request, res: Response, next: NextFunction) => {
    if (!isBlobPath(req)) {
      next();
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      read(req, res);
      return;
    }
    if (req.method === 'PUT') {
      express.raw({ type: () => true, limit: '10mb' })(req, res, () => {
        if (!guard(req, res)) return;
        const { account, container, name } = parse(req);
        if (!containerExists(account, container)) {
          sendError(
            res,
            404,
            'ContainerNotFound',
            'The specified container does not exist.',
          );
          return;
        }
        if (req.get('x-ms-blob-type') !== 'BlockBlob') {
          sendError(
            res,
            400,
            'InvalidHeaderValue',
            'The value for one of the HTTP headers is not in the correct format.',
          );
          return;
        }
        const now = ctx.now().toISOString();
        const existing = find(account, container, name);
        const blob: StoredBlob = {
          account,
          container,
          name,
          body: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '',
          contentType:
            req.get('x-ms-blob-content-type') ?? 'application/octet-stream',
          etag: `"0x${randomUUID()
            .replace(/-/g, '')
            .slice(0, 15)
            .toUpperCase()}"`,
          createdAt: existing?.createdAt ?? now,
          lastModified: now,
        };
        ctx.state.blobs = [
          ...ctx.state.blobs.filter(b => b !== existing),
          blob,
        ];
        res
          .status(201)
          .set({
            ETag: blob.etag,
            'Last-Modified': new Date(now).toUTCString(),
            'Content-MD5': createHash('md5').update(blob.body).digest('base64'),
            'x-ms-request-id': randomUUID(),
            'x-ms-version': '2026-02-06',
            'x-ms-request-server-encrypted': 'true',
          })
          .end();
      });
      return;
    }
    sendError(
      res,
      405,
      'UnsupportedHttpVerb',
      "The resource doesn't support specified Http Verb.",
    );
  });
  return router;
}
