import { describe, expect, it } from 'vitest';
import { loadFormMemory, saveFormMemory, type FormMemory } from './form-memory.ts';

function storage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

const memory: FormMemory = { envs: ['maze', 'gone'], itemsMode: 'custom', firstN: 3, custom: '0-3', models: ['p1'], concurrency: 8, maxRounds: null, temperature: 0.5, repeats: 3 };

describe('the benchmark form remembers its last configuration', () => {
  it('reads back what was saved, without envs this app no longer has', () => {
    const s = storage();
    expect(loadFormMemory(s, ['maze'])).toBeNull();
    saveFormMemory(s, memory);
    expect(loadFormMemory(s, ['maze', 'wordle'])).toEqual({ ...memory, envs: ['maze'] });
  });

  it('drops fields that are not valid and ignores what is not JSON', () => {
    const s = storage();
    s.setItem('agentgym.bench-form', JSON.stringify({ ...memory, itemsMode: 'file', concurrency: 0, repeats: 2.5, temperature: 9, models: [1], maxRounds: 20 }));
    expect(loadFormMemory(s, ['maze'])).toEqual({ envs: ['maze'], firstN: 3, custom: '0-3', maxRounds: 20 });
    s.setItem('agentgym.bench-form', '{nope');
    expect(loadFormMemory(s, ['maze'])).toBeNull();
  });

  it('shrugs off a storage that refuses writes', () => {
    expect(() => saveFormMemory({ getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } }, memory)).not.toThrow();
  });
});
