// Each NHS.UK partial is rendered with locals matching one of nhsuk-frontend's own fixtures
// and compared with that fixture's HTML, so markup drift from v10 shows up here rather than
// in a browser. Where our locals cannot express a fixture's options, the expected HTML is the
// fixture's with a small, explained edit.
import { expect } from 'chai'
import ejs from 'ejs'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { EJS_OPTIONS } from '../../server/http/views'

const VIEWS = fileURLToPath(new URL('../../views', import.meta.url))
const COMPONENTS = fileURLToPath(
  new URL('../../node_modules/nhsuk-frontend/dist/nhsuk/components', import.meta.url),
)

type Fixture = { name: string; context: Record<string, unknown>; html: string }

const fixtureFiles = new Map<string, Fixture[]>()

/** The first fixture of that name (some names repeat with extra options such as `small`). */
function fixture(component: string, name: string): Fixture {
  let fixtures = fixtureFiles.get(component)
  if (!fixtures) {
    const file = path.join(COMPONENTS, component, 'fixtures.json')
    fixtures = (JSON.parse(readFileSync(file, 'utf8')) as { fixtures: Fixture[] }).fixtures
    fixtureFiles.set(component, fixtures)
  }
  const found = fixtures.find(f => f.name === name)
  if (!found) throw new Error(`No ${component} fixture named "${name}"`)
  return found
}

function render(partial: string, locals: Record<string, unknown>): Promise<string> {
  return ejs.renderFile(path.join(VIEWS, 'partials', `${partial}.ejs`), locals, EJS_OPTIONS)
}

/** Sorts a start tag's attributes, and the tokens of its class, whose order carries no meaning. */
function sortAttributes(tag: string): string {
  return tag.replace(
    /^<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>$/,
    (_, name: string, attributes: string, selfClosing: string) => {
      const sorted = [...attributes.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)]
        .map(([, key, value]) => {
          if (value === undefined) return key!
          const shown = key === 'class' ? value.split(' ').filter(Boolean).sort().join(' ') : value
          return `${key}="${shown}"`
        })
        .sort()
      return `<${name}${sorted.map(a => ' ' + a).join('')}${selfClosing}>`
    },
  )
}

/**
 * Collapses whitespace and drops it where it meets a tag. Nunjucks indents text inside tags
 * and our partials do not; the same rule applies to both sides, so only markup differences remain.
 * Nunjucks writes `"` as &quot; and EJS as &#34; (the same character).
 */
function normalise(html: string): string {
  return html
    .replace(/&quot;/g, '&#34;')
    .replace(/\s+/g, ' ')
    .replace(/>\s+/g, '>')
    .replace(/\s+</g, '<')
    .replace(/<[a-zA-Z][^>]*>/g, sortAttributes)
    .trim()
}

async function expectFixture(partial: string, locals: Record<string, unknown>, expected: string) {
  expect(normalise(await render(partial, locals))).to.equal(normalise(expected))
}

/** The opening tag of the first element whose tag starts with `start`. */
function tagStarting(html: string, start: string): string {
  const at = html.indexOf(start)
  expect(at, `${start} in ${html}`).to.be.greaterThan(-1)
  return html.slice(at, html.indexOf('>', at) + 1)
}

function describedBy(tag: string): string[] {
  return (/aria-describedby="([^"]*)"/.exec(tag)?.[1] ?? '').split(' ')
}

const SCRIPT = '<script>alert(1)</script>'
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;'

function expectEscaped(html: string) {
  expect(html).not.to.contain('<script')
  expect(html).to.contain(ESCAPED)
}

describe('NHS.UK partials match nhsuk-frontend 10.6.1', () => {
  describe('textarea', () => {
    it('matches "with error message and hint, without heading"', async () => {
      const fx = fixture('textarea', 'with error message and hint, without heading')
      await expectFixture(
        'textarea',
        {
          id: 'with-hint-error',
          name: 'example',
          label: 'Can you provide more detail?',
          hint: 'Do not include personal information like your name, date of birth or NHS number',
          error: 'You must provide an explanation',
        },
        fx.html,
      )
    })
  })

  describe('character count', () => {
    it('matches "with hint"', async () => {
      const fx = fixture('character-count', 'with hint')
      await expectFixture(
        'character-count',
        {
          id: 'with-hint',
          name: 'example',
          label: 'Enter a job description',
          labelClasses: 'nhsuk-label--l',
          isPageHeading: true,
          hint: 'Do not include personal information like your name, date of birth or NHS number',
          maxlength: 200,
        },
        fx.html,
      )
    })

    it('matches "with error message and hint", keeping the typed value', async () => {
      const fx = fixture('character-count', 'with error message and hint')
      await expectFixture(
        'character-count',
        {
          id: 'with-error-message',
          name: 'example',
          label: 'Enter a job description',
          labelClasses: 'nhsuk-label--l',
          isPageHeading: true,
          hint: 'Do not include personal information like your name, date of birth or NHS number',
          error: 'Job description must be 350 characters or less',
          maxlength: 350,
          value: fx.context.value,
        },
        fx.html,
      )
    })

    it('states the limit in the page, not in a maxlength attribute, so it works without JavaScript', async () => {
      const html = await render('character-count', { id: 'notes', label: 'Notes', maxlength: 500 })
      expect(html).to.contain('You can enter up to 500 characters')
      expect(tagStarting(html, '<textarea')).not.to.match(/\smaxlength=/)
    })
  })

  describe('select', () => {
    it('matches "with error message and hint, without heading"', async () => {
      const fx = fixture('select', 'with error message and hint, without heading')
      await expectFixture(
        'select',
        {
          id: 'with-hint-error',
          name: 'example',
          label: 'Choose location',
          hint: 'This can be different to where you went before',
          error: 'Select a location',
          items: fx.context.items,
        },
        fx.html,
      )
    })

    it('marks the chosen value selected and can lead with a blank option', async () => {
      const html = await render('select', {
        id: 'role',
        label: 'Role',
        includeBlank: 'Choose a role',
        value: 'manager',
        items: [
          { value: 'doctor', text: 'Doctor' },
          { value: 'manager', text: 'Manager' },
        ],
      })
      expect(normalise(html)).to.contain(
        '<option value="">Choose a role</option><option value="doctor">Doctor</option><option selected value="manager">Manager</option>',
      )
    })
  })

  describe('radios', () => {
    it('matches "legend" (size s, our default)', async () => {
      const fx = fixture('radios', 'legend')
      await expectFixture(
        'radios',
        {
          idPrefix: 'custom-size',
          name: 'example',
          legend: 'How do you want to be contacted about this?',
          items: fx.context.items,
        },
        fx.html,
      )
    })

    it('ticks the current value', async () => {
      const html = await render('radios', {
        idPrefix: 'r',
        name: 'r',
        legend: 'L',
        value: 'b',
        items: [
          { value: 'a', text: 'A' },
          { value: 'b', text: 'B' },
        ],
      })
      expect(tagStarting(html, '<input class="nhsuk-radios__input" id="r-2"')).to.contain(' checked')
      expect(tagStarting(html, '<input class="nhsuk-radios__input" id="r"')).not.to.contain(' checked')
    })
  })

  describe('checkboxes', () => {
    it('matches "legend" (size s, our default)', async () => {
      const fx = fixture('checkboxes', 'legend')
      await expectFixture(
        'checkboxes',
        {
          idPrefix: 'custom-size',
          name: 'example',
          legend: 'How do you want to be contacted about this?',
          hint: 'Select all options that are relevant to you',
          items: fx.context.items,
        },
        fx.html,
      )
    })

    it('ticks every value in `checked`', async () => {
      const html = await render('checkboxes', {
        idPrefix: 'c',
        name: 'c',
        legend: 'L',
        checked: ['a', 'c'],
        items: ['a', 'b', 'c'].map(value => ({ value, text: value.toUpperCase() })),
      })
      expect(html.match(/ checked/g)).to.have.length(2)
      expect(tagStarting(html, '<input class="nhsuk-checkboxes__input" id="c-2"')).not.to.contain(' checked')
    })
  })

  describe('date input', () => {
    it('matches "with error message and hint, without heading", given our defaults', async () => {
      const fx = fixture('date-input', 'with error message and hint, without heading')
      // Our legend is size s unless told otherwise, where v10's has no size; our fields are
      // named <namePrefix>-day etc., where the fixture gives no prefix. And v10 also marks each
      // field's own form group as in error: date-input.ejs does not (it still marks the inputs).
      const expected = fx.html
        .replace('class="nhsuk-fieldset__legend"', 'class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s"')
        .replace(/name="(day|month|year)"/g, 'name="dob-$1"')
        .replace(
          /(<div class="nhsuk-date-input__item">\s*<div class="nhsuk-form-group) nhsuk-form-group--error/g,
          '$1',
        )
      await expectFixture(
        'date-input',
        {
          idPrefix: 'example',
          namePrefix: 'dob',
          legend: 'What is your date of birth?',
          hint: 'For example, 31 3 1980',
          error: 'Enter your date of birth',
          value: {},
        },
        expected,
      )
    })

    it('gives the day input the id `${idPrefix}-day`, which a form error field must name', async () => {
      const html = await render('date-input', {
        idPrefix: 'start',
        namePrefix: 'start',
        legend: 'Start date',
        value: { day: '5', month: '8', year: '2024' },
      })
      expect(tagStarting(html, '<input')).to.contain('id="start-day"')
      expect(tagStarting(html, '<input')).to.contain('value="5"')
    })
  })

  describe('table', () => {
    it('matches "without border", less the no-border modifier', async () => {
      const fx = fixture('tables', 'without border')
      // table.ejs has no border option, so its table keeps the default border.
      const expected = fx.html.replace('class="nhsuk-table nhsuk-table--no-border"', 'class="nhsuk-table"')
      await expectFixture(
        'table',
        {
          caption: 'Cases per manager',
          captionHidden: true,
          head: [{ text: 'Manager' }, { text: 'Cases', numeric: true }],
          rows: [
            ['David Francis', '1380'],
            ['Paul Farmer', '1129'],
            ['Rita Patel', '24'],
          ].map(([name, cases]) => [{ text: name }, { text: cases, numeric: true }]),
        },
        expected,
      )
    })
  })

  describe('summary list', () => {
    it('matches "with item strings"', async () => {
      const fx = fixture('summary-list', 'with item strings')
      await expectFixture('summary-list', { rows: fx.context.rows }, fx.html)
    })

    it('matches the first row of "with actions", but for the link class', async () => {
      const fx = fixture('summary-list', 'with actions')
      // The first row only (its value is text; the others are HTML, which summary-list.ejs does
      // not take). v10 gives the action link class="nhsuk-link"; summary-list.ejs does not.
      const firstRow = /<div class="nhsuk-summary-list__row">[\s\S]*?<\/dd>\s*<\/div>/.exec(fx.html)![0]
      const expected = `<dl class="nhsuk-summary-list">${firstRow}</dl>`.replace(
        '<a class="nhsuk-link" ',
        '<a ',
      )
      await expectFixture(
        'summary-list',
        {
          rows: [
            {
              key: 'Name',
              value: 'Karen Francis',
              action: { href: '#/change', text: 'Change', visuallyHiddenText: 'name' },
            },
          ],
        },
        expected,
      )
    })
  })

  describe('tag', () => {
    it('matches "with text escaping"', async () => {
      const fx = fixture('tag', 'with text escaping')
      await expectFixture('tag', { tagText: 'A&E', colour: 'red' }, fx.html)
    })
  })

  describe('inset text', () => {
    it('matches "default"', async () => {
      const fx = fixture('inset-text', 'default')
      await expectFixture('inset-text', { text: fx.context.text }, fx.html)
    })

    it('matches "with HTML"', async () => {
      const fx = fixture('inset-text', 'with HTML')
      await expectFixture('inset-text', { html: fx.context.html }, fx.html)
    })
  })

  describe('panel', () => {
    it('matches "default"', async () => {
      const fx = fixture('panel', 'default')
      await expectFixture('panel', { title: 'Booking complete', text: fx.context.text }, fx.html)
    })

    it('matches "with HTML"', async () => {
      const fx = fixture('panel', 'with HTML')
      await expectFixture('panel', { title: 'Booking complete', html: fx.context.html }, fx.html)
    })
  })

  describe('details', () => {
    it('matches "default"', async () => {
      const fx = fixture('details', 'default')
      await expectFixture(
        'details',
        { summary: 'How to find your NHS number', text: fx.context.text },
        fx.html,
      )
    })

    it('matches "expander open"', async () => {
      const fx = fixture('details', 'expander open')
      await expectFixture(
        'details',
        { summary: 'Opening times', text: fx.context.text, expander: true, open: true },
        fx.html,
      )
    })

    it('matches "with HTML"', async () => {
      const fx = fixture('details', 'with HTML')
      await expectFixture(
        'details',
        { summary: 'How to find your NHS number', html: fx.context.html },
        fx.html,
      )
    })
  })

  describe('warning callout', () => {
    it('matches "default", whose heading already says Important', async () => {
      const fx = fixture('warning-callout', 'default')
      await expectFixture('warning-callout', { heading: 'Important', text: fx.context.text }, fx.html)
    })

    it('matches "with custom heading", which gains a hidden "Important: "', async () => {
      const fx = fixture('warning-callout', 'with custom heading')
      await expectFixture(
        'warning-callout',
        { heading: 'School, nursery or work', text: fx.context.text },
        fx.html,
      )
    })
  })

  describe('pagination', () => {
    it('matches "default" (previous and next with page labels)', async () => {
      const fx = fixture('pagination', 'default')
      await expectFixture('pagination', { previous: fx.context.previous, next: fx.context.next }, fx.html)
    })

    it('matches "with only next"', async () => {
      const fx = fixture('pagination', 'with only next')
      await expectFixture('pagination', { next: fx.context.next }, fx.html)
    })

    it('matches "numbered with many pages"', async () => {
      const fx = fixture('pagination', 'numbered with many pages')
      await expectFixture(
        'pagination',
        { previous: fx.context.previous, next: fx.context.next, pageItems: fx.context.items },
        fx.html,
      )
    })
  })

  describe('card', () => {
    it('matches "clickable"', async () => {
      const fx = fixture('card', 'clickable')
      await expectFixture(
        'card',
        {
          heading: 'Introduction to care and support',
          headingSize: 'm',
          href: '#',
          description: fx.context.description,
          clickable: true,
        },
        fx.html,
      )
    })

    it('matches "basic with heading link" (level 3)', async () => {
      const fx = fixture('card', 'basic with heading link')
      await expectFixture(
        'card',
        {
          heading: 'Introduction to care and support',
          headingSize: 'm',
          headingLevel: 3,
          href: '#',
          description: fx.context.description,
        },
        fx.html,
      )
    })

    it('matches "default", whose description is HTML', async () => {
      const fx = fixture('card', 'default')
      await expectFixture(
        'card',
        {
          heading: "If you need help now, but it's not an emergency",
          descriptionHtml:
            '<p class="nhsuk-card__description">Go to <a href="#">NHS 111 online</a> or <a href="#">call 111</a>.</p>',
        },
        fx.html,
      )
    })
  })

  describe('action link', () => {
    it('matches "default"', async () => {
      const fx = fixture('action-link', 'default')
      await expectFixture('action-link', { href: '#/find', text: 'Find your nearest A&E' }, fx.html)
    })
  })
})

describe('NHS.UK form partials show errors', () => {
  const error = 'Enter something'

  function expectErrorGroup(html: string) {
    expect(tagStarting(html, '<div class="nhsuk-form-group')).to.contain('nhsuk-form-group--error')
    expect(html).to.contain('<span class="nhsuk-error-message"')
  }

  for (const [partial, control, errorClass] of [
    ['textarea', '<textarea', 'nhsuk-textarea--error'],
    ['character-count', '<textarea', 'nhsuk-textarea--error'],
    ['select', '<select', 'nhsuk-select--error'],
  ] as const) {
    it(`${partial}: group and control in error, described by hint and error`, async () => {
      const html = await render(partial, {
        id: 'field',
        label: 'Field',
        hint: 'A hint',
        error,
        maxlength: 10,
        items: [{ value: 'a', text: 'A' }],
      })
      expectErrorGroup(html)
      const tag = tagStarting(html, control)
      expect(tag).to.contain(errorClass)
      expect(describedBy(tag)).to.include.members(['field-hint', 'field-error'])
      expect(html).to.contain('id="field-error"')
    })
  }

  for (const partial of ['radios', 'checkboxes'] as const) {
    it(`${partial}: group in error, fieldset described by hint and error`, async () => {
      const html = await render(partial, {
        idPrefix: 'choice',
        name: 'choice',
        legend: 'Choose',
        hint: 'A hint',
        error,
        items: [{ value: 'a', text: 'A' }],
      })
      expectErrorGroup(html)
      // v10 has no error class for a radio or checkbox input: the fieldset carries the description.
      expect(describedBy(tagStarting(html, '<fieldset'))).to.deep.equal(['choice-hint', 'choice-error'])
      expect(html).to.contain('id="choice-error"')
    })
  }

  it('date-input: group and every input in error, fieldset described by the error', async () => {
    const html = await render('date-input', {
      idPrefix: 'dob',
      namePrefix: 'dob',
      legend: 'Date of birth',
      error,
      value: {},
    })
    expectErrorGroup(html)
    expect(html.match(/class="nhsuk-input nhsuk-input--error /g)).to.have.length(3)
    expect(describedBy(tagStarting(html, '<fieldset'))).to.deep.equal(['dob-error'])
  })
})

describe('NHS.UK partials escape what people typed', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['textarea', { id: 't', label: SCRIPT, hint: SCRIPT, error: SCRIPT, value: SCRIPT }],
    ['character-count', { id: 't', label: SCRIPT, hint: SCRIPT, error: SCRIPT, value: SCRIPT, maxlength: 5 }],
    [
      'select',
      { id: 's', label: SCRIPT, hint: SCRIPT, error: SCRIPT, items: [{ value: SCRIPT, text: SCRIPT }] },
    ],
    [
      'radios',
      {
        idPrefix: 'r',
        name: 'r',
        legend: SCRIPT,
        hint: SCRIPT,
        error: SCRIPT,
        items: [{ value: 'a', text: SCRIPT, hint: SCRIPT }],
      },
    ],
    [
      'checkboxes',
      {
        idPrefix: 'c',
        name: 'c',
        legend: SCRIPT,
        hint: SCRIPT,
        error: SCRIPT,
        items: [{ value: 'a', text: SCRIPT, hint: SCRIPT }],
      },
    ],
    [
      'date-input',
      { idPrefix: 'd', namePrefix: 'd', legend: SCRIPT, hint: SCRIPT, error: SCRIPT, value: { day: SCRIPT } },
    ],
    ['table', { caption: SCRIPT, head: [{ text: SCRIPT }], rows: [[{ text: SCRIPT }]] }],
    [
      'summary-list',
      {
        rows: [
          { key: SCRIPT, value: SCRIPT, action: { href: '#', text: 'Change', visuallyHiddenText: SCRIPT } },
        ],
      },
    ],
    ['tag', { tagText: SCRIPT }],
    ['inset-text', { text: SCRIPT }],
    ['panel', { title: SCRIPT, text: SCRIPT }],
    ['details', { summary: SCRIPT, text: SCRIPT }],
    ['warning-callout', { heading: SCRIPT, text: SCRIPT }],
    ['pagination', { previous: { href: '#', label: SCRIPT }, next: { href: '#', text: SCRIPT } }],
    ['card', { heading: SCRIPT, href: '#', description: SCRIPT }],
    ['action-link', { href: '#', text: SCRIPT }],
  ]

  for (const [partial, locals] of cases) {
    it(partial, async () => {
      expectEscaped(await render(partial, locals))
    })
  }

  it('escapes quotes in attribute values', async () => {
    const html = await render('card', { heading: 'H', href: '"><script>alert(1)</script>' })
    expect(html).to.contain('href="&#34;&gt;&lt;script&gt;')
  })
})
