import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import {
  AnonymousCredential,
  BlobClient,
  newPipeline,
  RestError,
  type RequestPolicy,
  type RequestPolicyFactory,
  type WebResource,
} from '@azure/storage-blob';
import { MAX_OUTPUTS_BYTES, type OutputsSource } from './OutputsSource';

/** @public */
export interface BlobLocation {
  /** e.g. https://sttfstate.blob.core.windows.net (or http://127.0.0.1:7010/<account> for the emulator) */
  accountUrl: string;
  container: string;
  /** Blob name, may contain slashes: `mindful-moments-dev/outputs.json` */
  name: string;
}

/**
 * Azure SDK pipelines refuse bearer tokens over plain http. For an http
 * account URL (the local emulator only) the client is built without a
 * credential and this policy sets a fixed local token instead.
 */
const localEmulatorToken: RequestPolicyFactory = {
  create(nextPolicy: RequestPolicy): RequestPolicy {
    return {
      sendRequest(request: WebResource) {
        request.headers.set('authorization', 'Bearer local-emulator');
        return nextPolicy.sendRequest(request);
      },
    };
  },
};

export function blobUrl(location: BlobLocation): string {
  const account = location.accountUrl.replace(/\/+$/, '');
  const name = location.name.split('/').map(encodeURIComponent).join('/');
  return `${account}/${encodeURIComponent(location.container)}/${name}`;
}

/**
 * The outputs as a blob, read with the backend's identity
 * (DefaultAzureCredential): it needs Storage Blob Data Reader on the
 * container.
 *
 * @public
 */
export class BlobOutputsSource implements OutputsSource {
  readonly description: string;
  private readonly client: BlobClient;

  constructor(location: BlobLocation, credential?: TokenCredential) {
    const url = blobUrl(location);
    this.description = url;
    if (url.startsWith('http://')) {
      const pipeline = newPipeline(new AnonymousCredential(), {
        retryOptions: { maxTries: 2 },
      });
      pipeline.factories.push(localEmulatorToken);
      this.client = new BlobClient(url, pipeline);
    } else {
      this.client = new BlobClient(
        url,
        credential ?? new DefaultAzureCredential(),
        { retryOptions: { maxTries: 3 } },
      );
    }
  }

  async read(): Promise<string> {
    try {
      const response = await this.client.download(0, undefined, {
        abortSignal: AbortSignal.timeout(30_000),
      });
      if ((response.contentLength ?? 0) > MAX_OUTPUTS_BYTES) {
        throw new Error(
          `blob ${this.description} is ${response.contentLength} bytes, over the ${MAX_OUTPUTS_BYTES} byte limit`,
        );
      }
      const body = response.readableStreamBody;
      if (!body) throw new Error(`blob ${this.description} has no body`);
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of body) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        total += buffer.length;
        if (total > MAX_OUTPUTS_BYTES) {
          throw new Error(
            `blob ${this.description} is over the ${MAX_OUTPUTS_BYTES} byte limit`,
          );
        }
        chunks.push(buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    } catch (error) {
      if (error instanceof RestError) {
        if (error.statusCode === 403) {
          throw new Error(
            `reading blob ${this.description} was refused (${
              error.code ?? 403
            }): the backend's identity needs Storage Blob Data Reader on the container`,
          );
        }
        if (error.statusCode === 404) {
          throw new Error(
            `blob ${this.description} was not found (${
              error.code ?? 'BlobNotFound'
            })`,
          );
        }
        throw new Error(
          `reading blob ${this.description} failed: ${error.statusCode ?? ''} ${
            error.code ?? ''
          } ${error.message}`.replace(/\s+/g, ' '),
        );
      }
      throw error;
    }
  }
}
