import { EpicKey } from './types';

/**
 * The planner's rules, on the requirements' wording (English, with Spanish
 * variants: the plan's authors write both). Documented in the README; each
 * plan item records the rule that placed it.
 */

export interface FeatureRule {
  key: string;
  title: string;
  /** Matched against the lower-cased requirement. */
  match: RegExp;
}

export interface EpicRule {
  key: EpicKey;
  title: string;
  match: RegExp;
  /** Checked for every epic before any `match`: wording that settles the epic. */
  strong?: RegExp;
  persona: string;
  benefit: string;
  /** Story points a story of this epic starts from. */
  basePoints: number;
  features: FeatureRule[];
  /** Features whose stories come first (epic or `epic/feature`). */
  prerequisites: string[];
  /** Acceptance criterion every story of the epic gets. */
  criterion: string;
}

/**
 * Epics in delivery order, which is also a valid dependency order:
 * prerequisites always point at an earlier epic or an earlier feature.
 *
 * @public
 */
export const EPICS: EpicRule[] = [
  {
    key: 'infrastructure',
    title: 'Infrastructure',
    strong: /\b(budget|presupuesto)\b/,
    match:
      /\b(terraform|infra\w*|azure|app ?service|postgres\w*|database|base de datos|network\w*|vnet|red privada|storage|almacenamiento|key ?vault|secrets?|resource group|iac|bicep|budget|presupuesto|sku|hosting)\b/,
    persona: 'platform engineer',
    benefit: 'the project runs on reproducible, reviewed infrastructure',
    basePoints: 5,
    features: [
      {
        key: 'compute',
        title: 'Compute and hosting',
        match: /\b(app ?service|compute|hosting|web app|container)/,
      },
      {
        key: 'data',
        title: 'Data and storage',
        match:
          /\b(postgres\w*|database|base de datos|storage|almacenamiento|backup|blob)/,
      },
      {
        key: 'network-security',
        title: 'Networking and secrets',
        match: /\b(network\w*|vnet|red|private|privad\w*|key ?vault|secrets?)/,
      },
      {
        key: 'cost',
        title: 'Cost control',
        match: /\b(budget|presupuesto|cost\w*|coste\w*|sku)/,
      },
    ],
    prerequisites: [],
    criterion: 'The resources are defined in Terraform and pass the checks',
  },
  {
    key: 'application',
    title: 'Application',
    match:
      /\b(app|application|aplicaci\w+|api|frontend|backend|web|ui|user|usuario|login|sign[- ]?in|auth\w*|page|p[aá]gina|feature|meditation|meditaci\w+|session|sesi\w+)\b/,
    persona: 'user',
    benefit: 'the product does what its users came for',
    basePoints: 3,
    features: [
      {
        key: 'identity',
        title: 'Sign-in and accounts',
        match: /\b(login|sign[- ]?in|auth\w*|account|cuenta|user|usuario)/,
      },
      {
        key: 'api',
        title: 'API and data',
        match: /\b(api|backend|endpoint|data|datos)/,
      },
    ],
    prerequisites: ['infrastructure'],
    criterion: 'The behaviour is covered by automated tests',
  },
  {
    key: 'cicd',
    title: 'CI/CD',
    strong: /\b(github actions|pipelines?|workflows?)\b/,
    match:
      /\b(ci|cd|ci\/cd|pipelines?|github actions|workflows?|deploy\w*|despliegue\w*|desplegar|release\w*|build|slot\w*|rollback)\b/,
    persona: 'developer',
    benefit: 'every change reaches production safely and repeatably',
    basePoints: 3,
    features: [
      {
        key: 'infra-pipeline',
        title: 'Infrastructure pipeline',
        match: /\b(terraform|infra\w*|plan|apply)/,
      },
      {
        key: 'app-pipeline',
        title: 'Application delivery',
        match:
          /\b(deploy\w*|despliegue\w*|desplegar|release|slot\w*|rollback|app)/,
      },
    ],
    prerequisites: ['infrastructure'],
    criterion: 'The workflow runs green on the main branch',
  },
  {
    key: 'monitoring',
    title: 'Monitoring and alerting',
    match:
      /\b(monitor\w*|monitoriz\w*|alert\w*|metrics?|m[eé]tricas?|logs?|dashboards?|application insights|app insights|observab\w*|telemetr\w*|traces?|health ?checks?|uptime|availability|disponibilidad|latenc\w*|response time)\b/,
    persona: 'SRE',
    benefit: 'problems are seen before users report them',
    basePoints: 3,
    features: [
      {
        key: 'alerting',
        title: 'Alerting',
        match: /\b(alert\w*|notif\w*|threshold|umbral)/,
      },
    ],
    prerequisites: ['infrastructure'],
    criterion: 'The signal is visible in the Control Center',
  },
  {
    key: 'sre-agent',
    title: 'SRE agent',
    match:
      /\b(sre agent|agente sre|sre-agent|runbooks?|auto[- ]?remediat\w*|self[- ]?heal\w*|remediat\w*|incidents?|incidentes?|restart\w*|reinici\w*)\b/,
    persona: 'SRE',
    benefit: 'known incidents are handled quickly and the same way every time',
    basePoints: 5,
    features: [
      {
        key: 'runbooks',
        title: 'Runbooks and remediation',
        match: /\b(runbooks?|remediat\w*|restart\w*|reinici\w*|self[- ]?heal)/,
      },
    ],
    prerequisites: ['monitoring/alerting'],
    criterion: 'A simulated incident is handled end to end',
  },
  {
    key: 'on-call',
    title: 'On-call',
    match:
      /\b(on[- ]?call|guardias?|escalat\w*|escal\w+|phone|tel[eé]fono|llamadas?|calls?|pager\w*|sms|rota)\b/,
    persona: 'on-call engineer',
    benefit: 'someone answers when production needs a human',
    basePoints: 5,
    features: [],
    prerequisites: ['monitoring/alerting'],
    criterion: 'A test alert reaches the person on call',
  },
  {
    key: 'documentation',
    title: 'Documentation',
    strong: /\b(documentation|documentaci\w+|docs|readme|guide|gu[ií]a)\b/,
    match:
      /\b(docs?|documentation|documentaci\w+|readme|guides?|gu[ií]as?|instructions|wiki|onboarding|handover)\b/,
    persona: 'new team member',
    benefit: 'the project can be run without asking its authors',
    basePoints: 2,
    features: [],
    prerequisites: [],
    criterion: 'The document is linked from the repository README',
  },
];

/** Order in which an epic is chosen when several match: the most specific first. */
export const MATCH_ORDER: EpicKey[] = [
  'documentation',
  'sre-agent',
  'on-call',
  'cicd',
  'monitoring',
  'infrastructure',
  'application',
];

/** Where a requirement goes when no rule matches. */
export const FALLBACK_EPIC: EpicKey = 'application';

export const FIBONACCI = [1, 2, 3, 5, 8, 13];

/** Words that make a story bigger by one Fibonacci step each (at most two). */
export const COMPLEXITY =
  /\b(integrat\w*|integraci\w+|automat\w*|automatiz\w*|multi\w*|high availability|alta disponibilidad|security|seguridad|private|privad\w*|zero[- ]downtime|end[- ]to[- ]end|migrat\w*)\b/g;

/** Default capacity: points per week of sprint. */
export const POINTS_PER_WEEK = 13;

export const LABEL_COLORS = {
  type: '1d76db',
  priority: { 'must-have': 'b60205', 'nice-to-have': 'fbca04' },
  points: 'c5def5',
} as const;
