import {
  Content,
  Header,
  Link,
  Page,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useAppLocation, useAppNavigate } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  NEW_PROJECT_TEMPLATE_REF,
  type PlanEdits,
  type ProjectPlan,
} from '@sre-control-center/plugin-sre-control-center-common';
import { useRef, useState } from 'react';
import { PlanChange, PlanPreview } from './PlanPreview';
import {
  FormErrors,
  RequirementsForm,
  applyEdit,
  formFromQuery,
  toTemplateValues,
  validateRequirements,
} from './requirementsForm';

const FIELDS: Array<{
  key: keyof RequirementsForm;
  label: string;
  multiline?: boolean;
  required?: boolean;
  helper?: string;
}> = [
  { key: 'name', label: 'Project name', required: true },
  { key: 'description', label: 'Description', multiline: true },
  {
    key: 'repoOwner',
    label: 'Repository owner',
    required: true,
    helper: 'GitHub user or organisation',
  },
  { key: 'repoName', label: 'Repository name', required: true },
  { key: 'timelineWeeks', label: 'Timeline, weeks', required: true },
  {
    key: 'constraints',
    label: 'Constraints',
    multiline: true,
    helper:
      'Free text: a monthly budget ("Maximum 120€/month"), SKUs, the Azure subscription id',
  },
  {
    key: 'mustHave',
    label: 'Must-have requirements',
    multiline: true,
    required: true,
    helper: 'One per line',
  },
  {
    key: 'niceToHave',
    label: 'Nice-to-have requirements',
    multiline: true,
    helper: 'One per line',
  },
];

/**
 * `/projects/new`: the requirements form, the plan previewed from the
 * template's dry run (the same `sre-control-center:plan` action the real
 * run uses, so preview and result cannot differ), edits to the plan, and
 * the scaffolder task that creates it. The task page follows the run and
 * links to the new System's Control Center.
 */
export function NewProjectPage() {
  const scaffolderApi = useApi(scaffolderApiRef);
  const catalogApi = useApi(catalogApiRef);
  // Framework navigation: no page router needed (React Router in the legacy app).
  const navigate = useAppNavigate();
  const location = useAppLocation();
  const [form, setForm] = useState<RequirementsForm>(() =>
    formFromQuery(location.search),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [edits, setEdits] = useState<PlanEdits>({});
  const [plan, setPlan] = useState<ProjectPlan>();
  const [busy, setBusy] = useState<'preview' | 'create'>();
  const [error, setError] = useState<Error>();
  const template = useRef<TemplateEntityV1beta3>();
  const latest = useRef(0);

  const preview = async (withEdits: PlanEdits) => {
    const found = validateRequirements(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const request = ++latest.current;
    setBusy('preview');
    setError(undefined);
    try {
      if (!template.current) {
        const entity = await catalogApi.getEntityByRef(
          NEW_PROJECT_TEMPLATE_REF,
        );
        if (!entity)
          throw new Error(
            `The catalog has no ${NEW_PROJECT_TEMPLATE_REF} (templates/new-project/template.yaml)`,
          );
        template.current = entity as TemplateEntityV1beta3;
      }
      const result = await scaffolderApi.dryRun({
        template: template.current,
        values: toTemplateValues(form, withEdits) as never,
        secrets: {},
        directoryContents: [],
      });
      if (request !== latest.current) return;
      const planned = result.output?.plan as ProjectPlan | undefined;
      if (!planned) throw new Error('The dry run returned no plan');
      setPlan(planned);
    } catch (e) {
      if (request === latest.current) setError(e as Error);
    } finally {
      if (request === latest.current) setBusy(undefined);
    }
  };

  const change = (c: PlanChange) => {
    const next = applyEdit(edits, c);
    setEdits(next);
    preview(next);
  };

  const create = async () => {
    setBusy('create');
    setError(undefined);
    try {
      const { taskId } = await scaffolderApi.scaffold({
        templateRef: NEW_PROJECT_TEMPLATE_REF,
        values: toTemplateValues(form, edits) as never,
      });
      navigate(`/create/tasks/${encodeURIComponent(taskId)}`);
    } catch (e) {
      setError(e as Error);
      setBusy(undefined);
    }
  };

  const set = (key: keyof RequirementsForm, value: string) => {
    setForm(f => ({ ...f, [key]: value }));
    // The requirements changed: the preview and its edits are stale.
    setPlan(undefined);
    setEdits({});
  };

  const formData = encodeURIComponent(JSON.stringify(toTemplateValues(form)));
  return (
    <Page themeId="tool">
      <Header
        title="New project"
        subtitle="From requirements to a planned GitHub project with its Control Center"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={4}>
            <Stack
              spacing={2}
              component="form"
              aria-label="Project requirements"
              noValidate
              onSubmit={e => {
                e.preventDefault();
                preview(edits);
              }}
            >
              {FIELDS.map(f => (
                <TextField
                  key={f.key}
                  id={`new-project-${f.key}`}
                  label={f.label}
                  required={f.required}
                  multiline={f.multiline}
                  minRows={f.multiline ? 3 : undefined}
                  value={form[f.key]}
                  error={!!errors[f.key]}
                  helperText={errors[f.key] ?? f.helper}
                  inputProps={
                    f.key === 'timelineWeeks'
                      ? { inputMode: 'numeric' }
                      : undefined
                  }
                  onChange={e => set(f.key, e.target.value)}
                />
              ))}
              <Button type="submit" variant="outlined" disabled={!!busy}>
                Preview plan
              </Button>
              <Button
                variant="contained"
                disabled={!plan || !!busy}
                onClick={create}
              >
                Create project
              </Button>
              <Typography variant="caption">
                Or fill in the scaffolder's own form:{' '}
                <Link
                  to={`/create/templates/default/new-project?formData=${formData}`}
                >
                  template New project
                </Link>
              </Typography>
            </Stack>
          </Grid>
          <Grid item xs={12} md={8}>
            {busy && <LinearProgress aria-label="Working" />}
            {error && <ResponseErrorPanel error={error} />}
            {plan ? (
              <PlanPreview plan={plan} disabled={!!busy} onChange={change} />
            ) : (
              <Typography color="text.secondary">
                Fill in the requirements and preview the plan: epics, features
                and stories with points, sprints and dependencies, which you can
                edit before anything is created.
              </Typography>
            )}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
