// The words of the emails that accounts send. Plain text first; the HTML part
// says the same thing.
import type { Role } from '../../models/user'
import { textToHtml as toHtml, type Email } from '../mail/email-html'

export type { Email }


const roleNames: Record<Role, string> = { lead: 'programme lead', doctor: 'doctor', manager: 'manager', sponsor: 'programme sponsor' }

export function invitationEmail(options: { link: string; role: Role; invitedBy: string; expiresInDays: number; cohortName?: string }): Email {
  const role = roleNames[options.role]
  const text = [
    'Hello,',
    '',
    `${options.invitedBy} has invited you to join Tandem as a ${role}${options.cohortName ? ` in ${options.cohortName}` : ''}.`,
    'Tandem pairs junior doctors with NHS managers so that each learns the other’s work and together they improve care.',
    '',
    'To accept, open this link and choose a password:',
    options.link,
    '',
    `The link works once and expires in ${options.expiresInDays} days. If you were not expecting this email, you can ignore it.`,
  ].join('\n')
  return { subject: 'You have been invited to Tandem', text, html: toHtml(text) }
}

export function roleAddedEmail(options: { link: string; role: Role; invitedBy: string }): Email {
  const text = [
    'Hello,',
    '',
    `${options.invitedBy} has added you to Tandem as a ${roleNames[options.role]}.`,
    'You can sign in with your existing password:',
    options.link,
  ].join('\n')
  return { subject: 'You have a new role in Tandem', text, html: toHtml(text) }
}

export function addedToCohortEmail(options: { link: string; role: Role; invitedBy: string; cohortName: string }): Email {
  const text = [
    'Hello,',
    '',
    `${options.invitedBy} has added you to ${options.cohortName} in Tandem as a ${roleNames[options.role]}.`,
    'Please check that your profile is up to date, so that you can be matched well:',
    options.link,
  ].join('\n')
  return { subject: `You have been added to ${options.cohortName}`, text, html: toHtml(text) }
}

export function passwordResetEmail(options: { link: string; expiresInMinutes: number }): Email {
  const text = [
    'Hello,',
    '',
    'Someone asked to reset the password for your Tandem account. To choose a new password, open this link:',
    options.link,
    '',
    `The link works once and expires in ${options.expiresInMinutes} minutes. If you did not ask for this, you can ignore this email: your password has not changed.`,
  ].join('\n')
  return { subject: 'Reset your Tandem password', text, html: toHtml(text) }
}
