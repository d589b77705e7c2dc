import { expect, it } from 'vitest';
it('node', () => expect(1).toBe(1));
