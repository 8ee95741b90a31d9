import { ProjectRequirements } from '../types';

/** The project plan's own example: Mindful Moments - Azure SRE Demo. */
export const mindfulMoments: ProjectRequirements = {
  name: 'Mindful Moments - Azure SRE Demo',
  description:
    'Guided-meditation web app on Azure, run with the Azure SRE Agent and the SRE Control Center',
  repoOwner: 'AlbertoLacambra',
  repoName: 'mindful-moments-infrastructure',
  timelineWeeks: 5,
  constraints:
    'Maximum 120€/month. App Service B1 and PostgreSQL B1ms. Region West Europe.',
  startDate: '2026-12-07',
  mustHave: [
    'Terraform modules for the whole Azure stack',
    'App Service B1 hosting the web app on Node 22',
    'PostgreSQL Flexible Server B1ms on a private network',
    'Key Vault for the application secrets',
    'Storage account for meditation audio files',
    'Monthly budget of 120 EUR with alerts at 80% and 100%',
    'Meditation sessions API with user sign-in',
    'GitHub Actions pipeline for Terraform plan and apply',
    'Deploy the app with staging slots and rollback',
    'Application Insights metrics, logs and dashboards',
    'Alerts for response time, errors and database connections',
    'Azure SRE Agent with runbooks for known incidents',
    'On-call escalation by phone call when an alert is not acknowledged',
    'Operations documentation and runbook guide',
  ],
  niceToHave: [
    'Auto-remediation that restarts the app on memory pressure',
    'Availability tests from three regions',
    'Cost dashboard per resource',
    'Blue-green deployment with zero-downtime swap',
    'SMS notification to the on-call engineer',
    'Load test before each release',
    'Onboarding guide for new team members',
    'Dark mode for the meditation player',
  ],
};
