// Editing a profile: /profile for one's own, /people/:personId/profile for a lead.
import type { Request, Response } from 'express'
import { formErrors, noFormErrors, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { profileFormFrom, readProfileForm, validateProfileForm, type ProfileFormValues } from './profile.form'
import { missingProfileParts, profileCompleteness } from './profile-completeness'
import { AVAILABILITY_SLOTS, DAY_PARTS, DAY_PART_NAMES, DOCTOR_GRADES, MANAGER_BANDS, QI_THEMES, SPECIALTIES, SPECIALTY_GROUPS, WEEKDAYS, WEEKDAY_NAMES } from './reference-data'

const reference = { AVAILABILITY_SLOTS, DAY_PARTS, DAY_PART_NAMES, DOCTOR_GRADES, MANAGER_BANDS, QI_THEMES, SPECIALTIES, SPECIALTY_GROUPS, WEEKDAYS, WEEKDAY_NAMES }

export function profileController({ profiles }: Services) {
  const personIdOf = (req: Request) => (req.params.personId === undefined ? req.user!.id : req.params.personId)

  async function render(req: Request, res: Response, values?: ProfileFormValues, form: FormErrors = noFormErrors, status = 200) {
    const { person, side, sites, profile } = await profiles.forEditing(req.user!, personIdOf(req))
    const own = String(person._id) === req.user!.id
    res.status(status).render('pages/people/profile-form', {
      person,
      side,
      sites,
      own,
      action: own && req.params.personId === undefined ? '/profile' : `/people/${String(person._id)}/profile`,
      values: values ?? profileFormFrom(profile),
      completeness: profileCompleteness(profile, side),
      missing: missingProfileParts(profile, side),
      ref: reference,
      ...form,
    })
  }

  return {
    get: (req: Request, res: Response) => render(req, res),

    async post(req: Request, res: Response) {
      const { person, side, sites } = await profiles.forEditing(req.user!, personIdOf(req))
      const values = readProfileForm(req.body)
      const result = validateProfileForm(values, side, sites)
      if (!result.ok) return render(req, res, values, formErrors(result.errors), 400)
      await profiles.save(person._id, result.input)
      req.session.flash = String(person._id) === req.user!.id ? 'Your profile has been saved' : `Profile of ${person.name || person.email} saved`
      res.redirect(303, req.params.personId === undefined ? '/profile' : `/people/${String(person._id)}/profile`)
    },
  }
}
