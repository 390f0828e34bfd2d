import { z } from 'zod'
import { forceById } from '../forces/forces.js'

export const ForceId = z.string({ error: 'Choose a police force' }).superRefine((id, ctx) => {
  if (!forceById(id)) ctx.addIssue({ code: 'custom', message: `"${id}" is not a police force Lantern knows` })
})

// law-and-process.md §2.11 (UNCONFIRMED structure): the first responder's name, organisation, contact and role.
export const FirstResponder = z.object({
  name: z.string({ error: "Record the first responder's name" }).trim().min(1, "Record the first responder's name"),
  role: z.string({ error: "Record the first responder's role" }).trim().min(1, "Record the first responder's role"),
  forceId: ForceId,
  email: z.email({ error: 'Enter the first responder’s work email address, like name@police.uk' }),
  phone: z.string().trim().min(1).nullable().default(null),
})
export type FirstResponder = z.infer<typeof FirstResponder>
