// The card vocabulary the screen uses, taken from the contract (the screen may import nothing from electron/ but ipc).
import { channels, type ChannelInput, type ChannelOutput, type EventPayload } from '../../../electron/ipc/contract.js';

export type MaskedIdentity = EventPayload<'card.read'>;
export type DocumentType = MaskedIdentity['documentType'];
export type CardProblem = EventPayload<'card.problem'>['problem'];
export type ReaderStatus = ChannelOutput<'reader.status'>;
export type DemoCard = ChannelOutput<'demo.cards'>[number];
export type ReaderFault = ChannelInput<'demo.fault'>['fault'];
export type RejectReason = Extract<ChannelOutput<'identity.wedge'>, { valid: false }>['reason'];

/** Every fault the demo reader knows, in the contract's order, for the trainer panel's buttons. */
export const readerFaults: readonly ReaderFault[] = channels['demo.fault'].input.shape.fault.options;
