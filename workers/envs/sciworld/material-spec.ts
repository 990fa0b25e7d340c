/** One material of ScienceWorld's table (properties/MaterialProperties.scala); the values are in materials.ts. */
export interface MaterialSpec {
  substanceName: string;
  nameInStateOfMatter: Record<string, string>;
  color: string;
  temperatureC: number;
  thermalConductivity: number;
  stateOfMatter: string;
  boilingPoint: number;
  meltingPoint: number;
  combustionPoint: number;
  isCombusting: boolean;
  hasCombusted: boolean;
  combustionTicks: number;
  electricallyConductive: boolean;
  frictionCoefficient: number;
}
