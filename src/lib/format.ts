/** Display formats shared by the views; records keep the exact values. */

/** A reward to at most three decimals ("1", "0.951"): BabyAI's are long binary fractions. */
export function formatReward(r: number): string {
  return String(Number(r.toFixed(3)));
}

/** A message as a sentence: a full stop added when it ends without one ("Rate limit reached"). */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…:)]$/.test(t) || t === '' ? t : `${t}.`;
}
