// The Making Data Count icons as small inline SVGs, each with the words that
// say the same thing. The drawing is decoration (aria-hidden): the words are
// always shown beside it, so nobody depends on the shape or the colour.
// Variation: grey for common cause, blue for improvement, orange for concern,
// purple for a change where neither direction is better, with H or L for an
// unusually high or low latest point. Assurance: P (the target will be met),
// F (it will not be met unless something changes), ? (hit and miss).
import { assuranceIcon, variationIcon, type Assurance, type Direction, type Variation, type XmrPoint } from './spc'

const BLUE = '#005eb8'
const ORANGE = '#ed8b00'
const PURPLE = '#330072'
const GREY = '#768692'

export const VARIATION_TEXT: Record<Variation, { heading: string; text: string }> = {
  'common-cause': { heading: 'Common cause variation', text: 'No significant change: the latest point is within what this process usually does.' },
  'improvement-high': { heading: 'Special cause improvement', text: 'The latest point is unusually high, and higher is better.' },
  'improvement-low': { heading: 'Special cause improvement', text: 'The latest point is unusually low, and lower is better.' },
  'concern-high': { heading: 'Special cause concern', text: 'The latest point is unusually high, and lower is better.' },
  'concern-low': { heading: 'Special cause concern', text: 'The latest point is unusually low, and higher is better.' },
  'neither-high': { heading: 'Special cause variation', text: 'The latest point is unusually high; neither direction is marked as better.' },
  'neither-low': { heading: 'Special cause variation', text: 'The latest point is unusually low; neither direction is marked as better.' },
}

export const ASSURANCE_TEXT: Record<Assurance, { heading: string; text: string }> = {
  'consistently-pass': { heading: 'Consistently passing the target', text: 'The target lies outside the process limits on the good side: the process will meet it unless it changes.' },
  'consistently-fail': { heading: 'Consistently failing the target', text: 'The target lies outside the process limits on the bad side: the process will not meet it unless something changes.' },
  'hit-and-miss': { heading: 'Hit and miss', text: 'The target lies within the process limits: the process will sometimes meet it and sometimes not.' },
}

function badge(colour: string, inner: string, kind: string): string {
  return [
    `<svg class="tandem-mdc-icon tandem-mdc-icon--${kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40" focusable="false" aria-hidden="true">`,
    `<circle cx="20" cy="20" r="17.5" fill="#ffffff" stroke="${colour}" stroke-width="3"/>`,
    inner,
    '</svg>',
  ].join('')
}

/** A little run of five dots in the lower half: flat, or with the last two raised or lowered. */
function dots(colour: string, end: 'high' | 'low' | 'flat'): string {
  const ys = end === 'high' ? [29, 29, 29, 26, 23] : end === 'low' ? [23, 23, 23, 26, 29] : [25, 27, 24, 26, 25]
  return ys.map((y, i) => `<circle cx="${10 + i * 5}" cy="${y}" r="1.8" fill="${i >= 3 && end !== 'flat' ? colour : GREY}"/>`).join('')
}

/** H or L in the upper half, above the dots. */
function letter(colour: string, text: string): string {
  return `<text x="20" y="17" font-size="12" font-weight="bold" text-anchor="middle" fill="${colour}">${text}</text>`
}

export function variationIconSvg(variation: Variation): string {
  if (variation === 'common-cause') return badge(GREY, dots(GREY, 'flat'), variation)
  const [kind, side] = variation.split('-') as ['improvement' | 'concern' | 'neither', 'high' | 'low']
  const colour = kind === 'improvement' ? BLUE : kind === 'concern' ? ORANGE : PURPLE
  return badge(colour, dots(colour, side) + letter(colour, side === 'high' ? 'H' : 'L'), variation)
}

export function assuranceIconSvg(assurance: Assurance): string {
  const [colour, mark] = assurance === 'consistently-pass' ? [BLUE, 'P'] : assurance === 'consistently-fail' ? [ORANGE, 'F'] : [GREY, '?']
  const target = `<line x1="8" y1="27" x2="32" y2="27" stroke="${colour}" stroke-width="1.5" stroke-dasharray="3 2"/>`
  return badge(colour, `${target}<text x="20" y="22" font-size="15" font-weight="bold" text-anchor="middle" fill="${colour}">${mark}</text>`, assurance)
}

export type MdcIcon<K> = { key: K; svg: string; heading: string; text: string }
export type MdcIcons = { variation: MdcIcon<Variation> | undefined; assurance: MdcIcon<Assurance> | undefined }

/** The variation and assurance icons of an XmR chart, each drawn and in words; undefined where the chart has no limits (or no target) yet. */
export function mdcIcons(points: readonly XmrPoint[], direction: Direction, target: number | undefined): MdcIcons {
  const variation = variationIcon(points, direction)
  const assurance = assuranceIcon(points, target, direction)
  return {
    variation: variation ? { key: variation, svg: variationIconSvg(variation), ...VARIATION_TEXT[variation] } : undefined,
    assurance: assurance ? { key: assurance, svg: assuranceIconSvg(assurance), ...ASSURANCE_TEXT[assurance] } : undefined,
  }
}
