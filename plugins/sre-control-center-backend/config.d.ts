export interface Config {
  /** SRE Control Center backend settings. None of them reaches the frontend. */
  sreControlCenter?: {
    /**
     * Shared secret the Azure Monitor action group sends as `?token=` on the
     * webhook URL. When unset in local development a random token is generated
     * and logged at start.
     * @visibility secret
     */
    webhookToken?: string;
    azure?: {
      /**
       * ARM endpoint override (e.g. the local cloud emulator). Defaults to
       * https://management.azure.com.
       */
      endpoint?: string;
    };
    github?: {
      /**
       * Token for the GitHub REST API (a GitHub App installation is preferred in production).
       * @visibility secret
       */
      token?: string;
      /**
       * GitHub REST base URL override (GitHub Enterprise or the local emulator).
       */
      baseUrl?: string;
      /**
       * Secret that GitHub signs webhook deliveries with (X-Hub-Signature-256).
       * @visibility secret
       */
      webhookSecret?: string;
      /**
       * Logins whose issues count as opened by the SRE agent.
       */
      agentLogins?: string[];
    };
    approvals?: {
      /**
       * Entity refs (users or groups) allowed to approve runbook runs.
       */
      approvers?: string[];
      /**
       * When true, whoever requested a run may not approve it.
       */
      distinctApprover?: boolean;
    };
    /**
     * Runbooks: the SRE agent's runbook file, same shape. Backend-only, like
     * every key without a visibility annotation.
     */
    runbooks?: Array<{
      name: string;
      description?: string;
      trigger?: { alert: string };
      actions: Array<{
        type: string;
        resource: string;
        approval_required?: boolean;
        [key: string]: unknown;
      }>;
    }>;
  };
}
