export interface Config {
  /** SRE Control Center backend settings. None of them reaches the frontend. */
  sreControlCenter?: {
    /**
     * Shared secret the Azure Monitor action group (and Alertmanager) sends
     * as `?token=` on the webhook URL. Required in production unless
     * `webhookAuth.entra` is set; `npm start` passes one.
     * @visibility secret
     */
    webhookToken?: string;
    permissions?: {
      /**
       * Users or groups (entity refs) who operate every System (acknowledge,
       * request runs, silence, open issues) and see the operators' page,
       * besides each System's owners.
       */
      operators?: string[];
    };
    inbox?: {
      /** Days raw webhook bodies are kept (default 30); alerts and their history stay. */
      retentionDays?: number;
    };
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
        /**
         * Applications (token `appid`/`azp`) allowed to send; defaults to
         * Azure Monitor's action groups (461e8683-5575-4561-ac7f-899cc907d62a).
         */
        allowedAppIds?: string[];
        /** An app role of the audience's registration the caller must hold. */
        requiredRole?: string;
      };
    };
    azure?: {
      /**
       * ARM endpoint override (e.g. the local cloud emulator). Defaults to
       * https://management.azure.com.
       */
      endpoint?: string;
    };
    /**
     * GitHub issues of the Systems' repositories (docs/github.md). The API
     * credentials come from `integrations.github` (a GitHub App in
     * production, a token locally).
     */
    github?: {
      /**
       * Secret that GitHub signs webhook deliveries with (X-Hub-Signature-256).
       * @visibility secret
       */
      webhookSecret?: string;
      /**
       * The previous secret, still accepted while a rotation is under way.
       * @visibility secret
       */
      previousWebhookSecret?: string;
      /** Logins whose issues are the SRE agent's (GitHub Apps as `name[bot]`). */
      agentLogins?: string[];
      /** Issues carrying one of these labels are listed too. */
      labels?: string[];
      /** Labels put on issues opened from the portal (default: sre-control-center). */
      openLabels?: string[];
      /** Days closed issues stay on the card (default 30). */
      closedWindowDays?: number;
      /** Hours after an alert fired an issue naming its rule and resource links to it (default 6). */
      linkWindowHours?: number;
      /** Seconds between two scheduled syncs (default 60). */
      syncIntervalSeconds?: number;
    };
    approvals?: {
      /**
       * Entity refs (users or groups) allowed to approve runbook runs of every
       * System, besides each System's owners.
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
     * PostgreSQL servers that execute_query actions of a System connect to:
     * a connection string, or host, database and role with an Entra ID token
     * of the backend's identity as the password (`entra: true`).
     */
    postgresServers?: Array<{
      /** The System whose runbooks may use it, e.g. system:default/mindful-moments. */
      system: string;
      /** The server's name in the System's resource group. */
      server: string;
      /**
       * postgresql:// URL of a role allowed to end other sessions
       * (pg_signal_backend).
       * @visibility secret
       */
      connectionString?: string;
      host?: string;
      port?: number;
      database?: string;
      /** The PostgreSQL role mapped to the backend's managed identity. */
      user?: string;
      entra?: boolean;
    }>;
    /**
     * Monthly price per App Service plan SKU in the budget's currency; used
     * to refuse scale runs that would break the budget.
     */
    planPrices?: { [sku: string]: number };
    /**
     * On-call escalation (docs/escalation.md): an alert of a System with a
     * policy pages people level by level until someone acknowledges it.
     */
    escalation?: {
      /** The key that acknowledges on the phone (default 1). */
      ackKey?: string;
      policies?: Array<{
        name: string;
        /** The System whose alerts this policy escalates. */
        system: string;
        /** Severities paged at high urgency (default Sev0, Sev1) and at low urgency (quiet hours apply). */
        urgency?: { high?: string[]; low?: string[] };
        levels: Array<{
          /** Minutes after the previous level (after the alert for the first). */
          afterMinutes: number;
          /** A user entity ref, or a schedule's current (or next) on-call. */
          targets: Array<
            | { user: string }
            | { schedule: string; position?: 'current' | 'next' }
          >;
          channels: Array<'notification' | 'phone'>;
        }>;
        /** How often all levels run again when nobody acknowledged (default 0). */
        repeat?: number;
        repeatAfterMinutes?: number;
        /** Low urgency waits through these local hours. */
        quietHours?: { from: string; to: string; timeZone: string };
      }>;
      /** Rotations of catalog users. */
      schedules?: Array<{
        name: string;
        timeZone: string;
        users: string[];
        /** First shift's day, YYYY-MM-DD. */
        start: string;
        /** Local hand-off time, HH:mm (default 09:00). */
        handoffTime?: string;
        lengthDays?: number;
        overrides?: Array<{ user: string; from: string; until: string }>;
      }>;
      phone?: {
        provider: 'acs' | 'twilio';
        /** The plugin's public URL providers call back; defaults to the backend's external URL. */
        callbackBaseUrl?: string;
        acs?: {
          /**
           * endpoint=https://<resource>.communication.azure.com/;accesskey=<key>
           * @visibility secret
           */
          connectionString: string;
          sourceNumber: string;
          cognitiveServicesEndpoint?: string;
          /** The resource's immutable id: audience of the callback JWTs. */
          resourceId: string;
          openIdConfigurationUrl?: string;
        };
        twilio?: {
          accountSid: string;
          /** @visibility secret */
          authToken: string;
          from: string;
          apiBaseUrl?: string;
        };
      };
    };
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
