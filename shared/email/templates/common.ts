import { z } from 'zod';
import { singleLine } from '../../models/text';

/** Who signs a message: every template but the Connecting Care request has one. */
export const Signature = z.object({
  senderName: singleLine('your name', 100),
  senderRole: singleLine('your job role', 100),
});
