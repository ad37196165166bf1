// /cohorts/:cohortId/import — upload a CSV, see every row and problem, confirm.
import type { NextFunction, Request, Response } from 'express'
import multer from 'multer'
import type { Side } from '../../models/enrolment'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { COLUMNS, templateCsv } from './import-columns'
import { MAX_IMPORT_BYTES } from './import-file'

const PREVIEW_PAGE_SIZE = 100

// Held in memory: the file is checked and summarised at once, never stored as uploaded.
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } })

const sideFrom = (value: unknown): Side | undefined => (value === 'doctor' || value === 'manager' ? value : undefined)

export function importController({ cohorts, imports }: Services) {
  const renderUpload = async (req: Request, res: Response, values: { side?: string }, form: FormErrors = noFormErrors, status = 200) => {
    const cohort = await cohorts.get(req.params.cohortId)
    res.status(status).render('pages/imports/upload', { cohort, values, columns: COLUMNS, maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024, ...form })
  }

  return {
    form: (req: Request, res: Response) => renderUpload(req, res, { side: typeof req.query.side === 'string' ? req.query.side : '' }),

    async template(req: Request, res: Response) {
      await cohorts.get(req.params.cohortId) // 404 for an unknown cohort
      const side = sideFrom(req.params.side)
      if (!side) return res.status(404).render('pages/errors/not-found')
      res.attachment(`tandem-${side}s-template.csv`).type('text/csv; charset=utf-8').send(templateCsv(side))
    },

    /** multer with its errors (too large, not a file) turned into form errors. */
    receive(req: Request, res: Response, next: NextFunction) {
      upload.single('file')(req, res, error => {
        if (!error) return next()
        const message =
          (error as { code?: string }).code === 'LIMIT_FILE_SIZE'
            ? `The file must be smaller than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into smaller files`
            : 'The file could not be uploaded: choose a CSV file and try again'
        void renderUpload(req, res, { side: text(req.body, 'side') }, formErrors([{ field: 'file', message }]), 400).catch(next)
      })
    },

    async upload(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const side = sideFrom(text(req.body, 'side'))
      const errors = []
      if (!side) errors.push({ field: 'side', message: 'Select whether the file lists doctors or managers' })
      if (!req.file || req.file.size === 0) errors.push({ field: 'file', message: 'Select a CSV file' })
      else if (!/\.csv$/i.test(req.file.originalname)) errors.push({ field: 'file', message: 'The selected file must be a CSV' })
      if (errors.length || !side || !req.file) return renderUpload(req, res, { side: text(req.body, 'side') }, formErrors(errors), 400)
      const result = await imports.preview(cohort, side, req.file, req.user!.id)
      if (!result.ok) return renderUpload(req, res, { side }, formErrors([{ field: 'file', message: result.message }]), 400)
      res.redirect(303, `/cohorts/${String(cohort._id)}/import/${result.previewId}`)
    },

    async preview(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const preview = await imports.get(cohort._id, req.params.previewId)
      if (preview.result) return res.redirect(303, `/cohorts/${String(cohort._id)}/import/${String(preview._id)}/done`)
      const pages = Math.max(1, Math.ceil(preview.valid.length / PREVIEW_PAGE_SIZE))
      const page = Math.min(pages, Math.max(1, Number.parseInt(String(req.query.page ?? '1'), 10) || 1))
      res.render('pages/imports/preview', {
        cohort,
        preview,
        columns: COLUMNS[preview.side as Side],
        rows: preview.valid.slice((page - 1) * PREVIEW_PAGE_SIZE, page * PREVIEW_PAGE_SIZE),
        page,
        pages,
      })
    },

    async confirm(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const previewId = String(req.params.previewId)
      await imports.confirm(cohort, previewId, req.user!.name || 'Your programme lead')
      res.redirect(303, `/cohorts/${String(cohort._id)}/import/${previewId}/done`)
    },

    async done(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const preview = await imports.get(cohort._id, req.params.previewId)
      if (!preview.result) return res.redirect(303, `/cohorts/${String(cohort._id)}/import/${String(preview._id)}`)
      res.render('pages/imports/done', { cohort, preview, result: preview.result })
    },
  }
}
