import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Alert,
  CostSummary,
  HealthResponse,
  Page,
} from '@internal/plugin-sre-control-center-common';
import type {
  AlertChangeResult,
  ListAlertsRequest,
  SreControlCenterApi,
} from './SreControlCenterApi';

/** HTTP client for `/api/sre-control-center`, authenticated by the app's fetchApi. */
export class SreControlCenterClient implements SreControlCenterApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  health(): Promise<HealthResponse> {
    return this.get('/health');
  }

  listAlerts(request: ListAlertsRequest): Promise<Page<Alert>> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request)) {
      if (value !== undefined) query.set(key, String(value));
    }
    return this.get(`/alerts?${query}`);
  }

  acknowledgeAlert(id: string, comment?: string): Promise<AlertChangeResult> {
    return this.post(
      `/alerts/${encodeURIComponent(id)}/acknowledge`,
      comment ? { comment } : {},
    );
  }

  closeAlert(id: string, comment?: string): Promise<AlertChangeResult> {
    return this.post(
      `/alerts/${encodeURIComponent(id)}/close`,
      comment ? { comment } : {},
    );
  }

  async getCosts(entityRef: string): Promise<CostSummary | undefined> {
    try {
      return await this.get<CostSummary>(
        `/costs?${new URLSearchParams({ entityRef })}`,
      );
    } catch (error) {
      if (error instanceof ResponseError && error.response.status === 404)
        return undefined;
      throw error;
    }
  }

  private get<T>(path: string): Promise<T> {
    return this.request(path);
  }

  private post<T>(path: string, body: object): Promise<T> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('sre-control-center');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
