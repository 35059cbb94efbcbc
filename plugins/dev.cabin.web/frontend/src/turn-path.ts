// What the simulator tells the flow diagram after each turn: the steps the turn ran, as the engine's trace names
// them, in the file the agent came from.
export const TURN_PATH_EVENT = 'cabin:turn-path';

export interface StepPath { agent: string; flow: string; step: string }

export interface TurnPath { path: string; stepPaths: StepPath[] }
