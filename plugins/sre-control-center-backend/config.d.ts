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
    webhookAuth?: {
      /**
       * Azure Monitor "secure webhook": the action group sends an Entra ID
       * token (Authorization: Bearer), accepted instead of `?token=`.
       */
      entra?: {
        /** Directory (tenant) id the tokens are issued by. */
        tenantId: string;
        /** The app registration's application id URI or client id (or both). */
        audience: string | string[];
        /**
         * Signing keys; defaults to
         * https://login.microsoftonline.com/<tenantId>/discovery/v2.0/keys.
         */
        jwksUri?: string;
      };
    };
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
      /**
       * Minutes a run waits for an approval before it expires (default 60).
       */
      pendingExpiryMinutes?: number;
    };
    /**
     * Runbooks: the SRE agent's runbook file, same shape. Backend-only, like
     * every key without a visibility annotation.
     */
    runbooks?: Array<{
      name: string;
      description?: string;
      /** Limit the runbook to one System (entity ref). */
      system?: string;
      trigger?: { alert: string };
      condition?: string;
      /** Minimum minutes between two automatic runs (default 15). */
      cooldown_minutes?: number;
      actions: Array<{
        type: 'restart' | 'scale' | 'execute_query' | 'rollback';
        resource: string;
        target_sku?: string;
        query?: string;
        slot?: string;
        approval_required?: boolean;
      }>;
    }>;
    /**
     * PostgreSQL servers that execute_query actions connect to, by server name.
     */
    postgresServers?: {
      [serverName: string]: {
        /**
         * postgresql:// URL of a role allowed to end other sessions
         * (pg_signal_backend).
         * @visibility secret
         */
        connectionString: string;
      };
    };
    /**
     * Monthly price per App Service plan SKU in the budget's currency; used
     * to refuse scale runs that would break the budget.
     */
    planPrices?: { [sku: string]: number };
    /** `POST /webhooks/deployments`, called by the app-deploy workflow. */
    deployments?: {
      /**
       * Shared token the workflow sends as `Authorization: Bearer <token>`.
       * @visibility secret
       */
      token?: string;
      /** Accept GitHub Actions OIDC tokens; the repository claim must be the System's github.com/project-slug. */
      githubOidc?: {
        /** The audience the workflow asks for (`core.getIDToken(audience)`). */
        audience: string | string[];
        /** Defaults to https://token.actions.githubusercontent.com. */
        issuer?: string;
        /** Defaults to https://token.actions.githubusercontent.com/.well-known/jwks. */
        jwksUri?: string;
      };
    };
  };
}
