// The introduction each partner gets when their pair is published.
import { emailFromText, type Email } from '../mail/email-html'

type Person = { name: string; email: string }

export function introductionEmail(options: { to: Person; partner: Person; partnerRole: 'doctor' | 'manager'; cohortName: string; reasons: string[]; link: string }): Email {
  const { to, partner } = options
  const text = [
    `Hello ${to.name || to.email},`,
    '',
    `You have been paired with ${partner.name || partner.email} (${partner.email}), a ${options.partnerRole}, for ${options.cohortName}.`,
    '',
    options.reasons.length ? `Why you were paired: ${options.reasons.join('; ')}.` : 'Your programme lead paired you.',
    '',
    'What happens next: agree your compact of how you will work together, then book your first shadowing session, in both directions. Your pair page in Tandem has everything:',
    options.link,
  ].join('\n')
  return emailFromText(`Meet your Tandem partner: ${partner.name || partner.email}`, text)
}

/** To each partner when the lead unpublishes their pair. */
export function pairEndedEmail(options: { to: Person; partner: Person; cohortName: string; reason: string; link: string }): Email {
  const { to, partner } = options
  const text = [
    `Hello ${to.name || to.email},`,
    '',
    `Your programme lead has ended your Tandem pairing with ${partner.name || partner.email} in ${options.cohortName}.`,
    ...(options.reason ? ['', `The reason they gave: ${options.reason}`] : []),
    '',
    'You do not need to do anything. Your programme lead will pair you again and you will get an introduction to your new partner. If you have questions, reply to your programme lead.',
    options.link,
  ].join('\n')
  return emailFromText(`Your Tandem pairing with ${partner.name || partner.email} has ended`, text)
}
