/** Display formats shared by the views; records keep the exact values. */

/** A reward to at most three decimals ("1", "0.951"): BabyAI's are long binary fractions. */
export function formatReward(r: number): string {
  return String(Number(r.toFixed(3)));
}
