/** Which AML registry a deployed model comes from, read from the deployment's model reference. */
import type { OnlineDeployment } from '../azure/snapshot';

/** The registry a deployed model comes from (`azureml://registries/{name}/…` or an ARM registry id), else undefined. */
export function modelRegistry(deployment: OnlineDeployment): string | undefined {
  const model = deployment.modelId ?? '';
  return (/^azureml:\/\/registries\/([^/]+)\//i.exec(model) ?? /\/providers\/Microsoft\.MachineLearningServices\/registries\/([^/]+)\//i.exec(model))?.[1];
}
