import { EmulatorContext } from '../context';

/** How a simulated callee behaves when their number is called. */
export type CalleeBehaviour =
  /** Answers and presses `key` once the prompt plays. */
  | 'press'
  /** Answers and presses nothing. */
  | 'silent'
  | 'no-answer'
  | 'busy';

export interface Callee {
  behaviour: CalleeBehaviour;
  key: string;
}

/** One call the emulator placed, as a test or the state route reads it. */
export interface EmulatedCall {
  provider: 'acs' | 'twilio';
  id: string;
  to: string;
  from: string;
  callbackUri: string;
  state: 'ringing' | 'connected' | 'recognizing' | 'ended';
  prompt?: string;
  pressed?: string;
  outcome?: string;
  createdAt: string;
}

export interface PhoneWorld {
  callees: Map<string, Callee>;
  /** Unknown numbers answer and press 1. */
  fallback: Callee;
  /** How long a phone rings, and a callee waits before pressing. */
  ringMs: number;
  calls: EmulatedCall[];
}

const worlds = new WeakMap<EmulatorContext, PhoneWorld>();

/** The phone network of one emulator. */
export function phoneWorld(ctx: EmulatorContext): PhoneWorld {
  let world = worlds.get(ctx);
  if (!world) {
    world = {
      callees: new Map(),
      fallback: { behaviour: 'press', key: '1' },
      ringMs: 1000,
      calls: [],
    };
    worlds.set(ctx, world);
  }
  return world;
}

export function calleeFor(ctx: EmulatorContext, number: string): Callee {
  const world = phoneWorld(ctx);
  return world.callees.get(number) ?? world.fallback;
}

/** Scenario: how the callee at `number` (or every unknown number) behaves from now on. */
export function setCallee(
  ctx: EmulatorContext,
  params: Record<string, unknown>,
  behaviour: CalleeBehaviour,
) {
  const world = phoneWorld(ctx);
  const callee: Callee = {
    behaviour,
    key: typeof params.key === 'string' ? params.key : '1',
  };
  if (typeof params.ringMs === 'number') world.ringMs = params.ringMs;
  if (typeof params.number === 'string') {
    world.callees.set(params.number, callee);
  } else {
    world.fallback = callee;
  }
  return { number: params.number ?? '*', ...callee, ringMs: world.ringMs };
}
