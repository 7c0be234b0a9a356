import { z } from 'zod';

/**
 * The part of a WhatsApp Cloud API webhook the bots read. Loose objects: Meta adds fields, and
 * an unknown one must not turn a good delivery into a 400 (it would be retried for days).
 */
const media = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
});

export const whatsappMessageSchema = z.looseObject({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: z.string().regex(/^\d+$/, 'must be seconds since the epoch'),
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
    })
    .optional(),
  /** A template's quick-reply button. */
  button: z.looseObject({ payload: z.string().optional(), text: z.string().optional() }).optional(),
  /** Set on a forwarded message (`frequently_forwarded`: forwarded more than five times). */
  context: z
    .looseObject({ forwarded: z.boolean().optional(), frequently_forwarded: z.boolean().optional() })
    .optional(),
  image: media.optional(),
  video: media.optional(),
  document: media.optional(),
});

const changeValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  // Required of a `messages` change (which number received it); other fields Meta documents,
  // such as `account_update`, carry none.
  metadata: z
    .looseObject({
      phone_number_id: z.string().min(1),
      display_phone_number: z.string().optional(),
    })
    .optional(),
  messages: z.array(whatsappMessageSchema).optional(),
  // Delivery statuses: acknowledged, not stored.
  statuses: z.array(z.looseObject({})).optional(),
});

export const whatsappWebhookSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string().optional(),
      changes: z.array(
        z.looseObject({ field: z.string(), value: changeValueSchema }).check((ctx) => {
          if (ctx.value.field === 'messages' && !ctx.value.value.metadata)
            ctx.issues.push({
              code: 'custom',
              input: ctx.value.value,
              path: ['value', 'metadata'],
              message: 'a messages change needs metadata.phone_number_id',
            });
        }),
      ),
    }),
  ),
});

export type WhatsAppWebhook = z.infer<typeof whatsappWebhookSchema>;
export type WhatsAppMessage = z.infer<typeof whatsappMessageSchema>;
