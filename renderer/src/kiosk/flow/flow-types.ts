// The resident-flow vocabulary the screen uses, taken from the contract (the screen may import nothing from electron/
// but ipc): what application.begin / submit / reprint answer, the declaration's purposes and the policy's citations.
import { channels, type ChannelInput, type ChannelOutput } from '../../../../electron/ipc/contract.js';

export type BeginOutput = ChannelOutput<'application.begin'>;
export type SubmitOutput = ChannelOutput<'application.submit'>;
export type SubmitInput = ChannelInput<'application.submit'>;
export type ReprintOutput = ChannelOutput<'application.reprint'>;
export type ResidentApplication = NonNullable<BeginOutput['existing']>;
export type ApplicationStatus = ResidentApplication['status'];
export type Declaration = SubmitInput['declaration'];
export type Answers = NonNullable<SubmitInput['answers']>;
export type AnswerId = BeginOutput['askAnswers'][number];
export type Purpose = Declaration['purpose'];
export type Citation = ResidentApplication['citations'][number];
export type Policy = ChannelOutput<'policy.current'>;

/** The purposes in the order the screen offers them: the contract's own list, so a new purpose cannot be missed. */
export const purposes: readonly Purpose[] = channels['application.submit'].input.shape.declaration.shape.purpose.options;

/** A phone number the province can text: 1 + 10 digits (the declaration schema's own rule). */
export const phonePattern = /^1\d{10}$/;
export const PHONE_LENGTH = 11;
