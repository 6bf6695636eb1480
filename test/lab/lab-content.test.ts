import { LAB_EXERCISE_COUNT, LabContentError, fillPlaceholders, loadLabContent, parseLabContent } from '../../src/knowledge/lab-content';
import { isLabValidatorId } from '../../src/lab/validators';

describe('lab content', () => {
  const content = loadLabContent();

  it('has the 12 exercises of the seed, in order, each with steps, done criteria, help, links and a validation kind', () => {
    expect(content.exercises.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(LAB_EXERCISE_COUNT).toBe(12);
    for (const e of content.exercises) {
      expect(e.steps.length).toBeGreaterThan(0);
      expect(e.done.length).toBeGreaterThan(10);
      expect(e.help.length).toBeGreaterThan(10);
      expect(e.links.length).toBeGreaterThan(0);
      expect(['azure', 'confirm']).toContain(e.validation.kind);
    }
  });

  it('follows the seed: Azure DevOps, service principal, service connection, repository, deployment, Defender, recommendations, WIF, controls, RBAC, completion', () => {
    expect(content.exercises.map((e) => e.id)).toEqual([
      'introduction',
      'azure-devops',
      'service-principal',
      'service-connection',
      'import-repository',
      'deploy-infrastructure',
      'defender-for-cloud',
      'defender-recommendations',
      'workload-identity-federation',
      'further-controls',
      'access-rbac',
      'completion',
    ]);
  });

  it('validates against Azure exactly where Azure can tell, with validators that exist', () => {
    const azure = content.exercises.filter((e) => e.validation.kind === 'azure');
    expect(azure.map((e) => e.number)).toEqual([3, 6, 7, 8, 10, 11]);
    for (const e of azure) if (e.validation.kind === 'azure') expect(isLabValidatorId(e.validation.validator)).toBe(true);
    // The advice exercises never block the lab.
    for (const n of [10, 11]) expect(content.exercise(n)?.validation).toMatchObject({ kind: 'azure', blocking: false });
  });

  it('carries the config-infra-prod.yml settings and the pipeline path of the accelerator', () => {
    const deploy = content.exercise(6)!;
    const settings = deploy.steps.flatMap((s) => s.settings ?? []).map((s) => s.name);
    expect(settings).toEqual(expect.arrayContaining(['namespace', 'postfix', 'location', 'environment', 'enable_aml_computecluster']));
    expect(deploy.steps.map((s) => s.text).join(' ')).toContain('/mlops/devops-pipelines/cli-ado-deploy-infra.yml');
  });

  it('says where it improves on the outdated guide (narrower role, workload identity federation)', () => {
    expect(content.exercise(3)?.updated).toMatch(/resource group/);
    expect(content.exercise(3)?.steps.some((s) => s.command?.includes('/resourceGroups/{{resourceGroup}}'))).toBe(true);
    expect(content.exercise(9)?.updated).toMatch(/workload identity federation/i);
  });

  it('links only to https pages', () => {
    for (const e of content.exercises) for (const l of e.links) expect(l.url.startsWith('https://')).toBe(true);
  });

  it('lists every problem of bad content at once', () => {
    const bad = [
      { file: '01-introduction.yml', text: 'number: 1\nid: introduction\ntitle: Hi\n' },
      { file: '02-x.yml', text: 'number: 2\nid: x\ntitle: Title two\ngoal: A goal that is long\nsteps: [{text: "use {{secret}}"}]\ndone: done when ready\nvalidation: {kind: azure}\nhelp: some help text\nlinks: [{title: Learn, url: "http://insecure"}]\n' },
      { file: '03-y.yml', text: ': not yaml : [' },
    ];
    let error: unknown;
    try {
      parseLabContent(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LabContentError);
    const problems = (error as LabContentError).problems.join('\n');
    expect(problems).toMatch(/01-introduction.yml: .*goal/);
    expect(problems).toMatch(/02-x.yml: \/links\/0\/url/);
    expect(problems).toMatch(/03-y.yml: not valid YAML/);
    expect(problems).toMatch(/exercise 12 is missing/);
  });

  it('rejects an azure validation without a validator and unknown placeholders', () => {
    const exercise = (n: number, extra = '') =>
      `number: ${n}\nid: ex-${n}\ntitle: Exercise ${n}\ngoal: A goal that is long\nsteps: [{text: "do it", command: "az group show -n {{resourceGroup}}"}]\ndone: done when ready\nvalidation: {kind: confirm}\nhelp: some help text\nlinks: [{title: Learn, url: "https://learn.microsoft.com"}]\n${extra}`;
    const sources = Array.from({ length: 12 }, (_, i) => ({ file: `${String(i + 1).padStart(2, '0')}-ex-${i + 1}.yml`, text: exercise(i + 1) }));
    expect(parseLabContent(sources).exercises).toHaveLength(12);
    sources[1] = { file: '02-ex-2.yml', text: exercise(2).replace('{kind: confirm}', '{kind: azure}') };
    sources[2] = { file: '03-ex-3.yml', text: exercise(3).replace('{{resourceGroup}}', '{{password}}') };
    expect(() => parseLabContent(sources)).toThrow(/02-ex-2.yml: validation kind 'azure' needs a validator id[\s\S]*03-ex-3.yml: step 1 uses unknown placeholder \{\{password\}\}/);
  });

  it('fills placeholders and shows unknown ones', () => {
    expect(fillPlaceholders('az group show -n {{resourceGroup}} --sub {{subscriptionId}}', { resourceGroup: 'rg-a-1prod' })).toBe('az group show -n rg-a-1prod --sub <subscriptionId>');
  });
});
