/** Repository paths of the official Azure ML list examples (test/fixtures/arm-examples) that more than one suite reads. */
const ML_2025_09 = 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-09-01/examples';

export const ML_EXAMPLES = {
  connections: `${ML_2025_09}/WorkspaceConnection/list.json`,
  computes: `${ML_2025_09}/Compute/list.json`,
  registries: `${ML_2025_09}/Registries/list.json`,
  onlineDeployments: 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2022-10-01/examples/OnlineDeployment/list.json',
} as const;
