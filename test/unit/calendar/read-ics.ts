// Reading iCalendar text back the way calendars do, for the calendar tests:
// with ical.js, resolving each TZID through the VTIMEZONE in the text itself
// (not a zone database), and with node-ical, a second, independent parser.
// Both give instants (Dates), whatever the time zone of the test process.
import ICAL from 'ical.js'
import nodeIcal, { type VEvent } from 'node-ical'

export type ReadPerson = { email: string; params: Record<string, string> }

export type ReadEvent = {
  uid: string
  sequence: number
  start: Date
  end: Date
  stamp: Date
  summary: string
  description: string
  location: string
  status: string
  url: string
  organizer?: ReadPerson
  attendees: ReadPerson[]
  alarms: { action: string; triggerSeconds: number; description: string }[]
}

export type ReadCalendar = { method: string; name: string; zones: string[]; events: ReadEvent[] }

const mailbox = (value: unknown) => String(value).replace(/^mailto:/i, '')

export function readWithIcalJs(text: string): ReadCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const zones = calendar.getAllSubcomponents('vtimezone').map(component => new ICAL.Timezone(component))
  // Times are decoded when first read, so the zones must be known by then.
  for (const zone of zones) ICAL.TimezoneService.register(zone)
  try {
    const person = (property: ICAL.Property): ReadPerson => ({
      email: mailbox(property.getFirstValue()),
      params: Object.fromEntries(
        ['cn', 'role', 'partstat', 'rsvp'].flatMap(name => {
          const value = property.getParameter(name)
          return value === undefined ? [] : [[name.toUpperCase(), String(value)]]
        }),
      ),
    })
    const events = calendar.getAllSubcomponents('vevent').map((vevent): ReadEvent => {
      const time = (name: string) => (vevent.getFirstPropertyValue(name) as ICAL.Time).toJSDate()
      const organizer = vevent.getFirstProperty('organizer')
      return {
        uid: String(vevent.getFirstPropertyValue('uid')),
        sequence: Number(vevent.getFirstPropertyValue('sequence')),
        start: time('dtstart'),
        end: time('dtend'),
        stamp: time('dtstamp'),
        summary: String(vevent.getFirstPropertyValue('summary') ?? ''),
        description: String(vevent.getFirstPropertyValue('description') ?? ''),
        location: String(vevent.getFirstPropertyValue('location') ?? ''),
        status: String(vevent.getFirstPropertyValue('status') ?? ''),
        url: String(vevent.getFirstPropertyValue('url') ?? ''),
        ...(organizer ? { organizer: person(organizer) } : {}),
        attendees: vevent.getAllProperties('attendee').map(person),
        alarms: vevent.getAllSubcomponents('valarm').map(alarm => ({
          action: String(alarm.getFirstPropertyValue('action')),
          triggerSeconds: (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
          description: String(alarm.getFirstPropertyValue('description') ?? ''),
        })),
      }
    })
    return {
      method: String(calendar.getFirstPropertyValue('method') ?? ''),
      name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''),
      zones: zones.map(zone => zone.tzid),
      events,
    }
  } finally {
    for (const zone of zones) ICAL.TimezoneService.remove(zone.tzid)
  }
}

type NodeIcalValue = string | { val: string; params?: Record<string, unknown> } | undefined

const plain = (value: NodeIcalValue | unknown) =>
  typeof value === 'object' && value !== null && 'val' in value ? String(value.val) : String(value ?? '')

export function readWithNodeIcal(text: string): ReadCalendar {
  const parsed = nodeIcal.sync.parseICS(text)
  const person = (value: unknown): ReadPerson => {
    const { val, params = {} } = value as { val: string; params?: Record<string, unknown> }
    return {
      email: mailbox(val),
      params: Object.fromEntries(
        Object.entries(params).map(([k, v]) => [
          k.toUpperCase(),
          String(v).toUpperCase() === 'TRUE' ? 'TRUE' : String(v),
        ]),
      ),
    }
  }
  const events = Object.values(parsed)
    .filter((item): item is VEvent => item?.type === 'VEVENT')
    .map((event): ReadEvent => {
      const attendees =
        event.attendee === undefined ? [] : Array.isArray(event.attendee) ? event.attendee : [event.attendee]
      return {
        uid: event.uid,
        sequence: Number(event.sequence),
        start: new Date(+event.start),
        end: new Date(+event.end!),
        stamp: new Date(+event.dtstamp),
        summary: plain(event.summary),
        description: plain(event.description),
        location: plain(event.location),
        status: String(event.status ?? ''),
        url: plain(event.url),
        ...(event.organizer ? { organizer: person(event.organizer) } : {}),
        attendees: attendees.map(person),
        alarms: (event.alarms ?? []).map(alarm => ({
          action: alarm.action,
          triggerSeconds: NaN,
          description: String(alarm.description ?? ''),
        })),
      }
    })
  const calendar = parsed.vcalendar as Record<string, unknown> | undefined
  return {
    method: String(calendar?.method ?? ''),
    name: String(calendar?.['WR-CALNAME'] ?? ''),
    zones: Object.values(parsed).flatMap(item => (item?.type === 'VTIMEZONE' ? [item.tzid] : [])),
    events,
  }
}

/** The content lines exactly as written: the text must end in CRLF, and so must every line. */
export function contentLines(text: string): string[] {
  if (!text.endsWith('\r\n')) throw new Error('The text does not end with CRLF')
  return text.slice(0, -2).split('\r\n')
}

/** The first unfolded content line with this name (inside `component`, when given), less the name: parameters and value as written. */
export function rawProperty(text: string, name: string, component?: string): string | undefined {
  let lines = text.replace(/\r\n[ \t]/g, '').split('\r\n')
  if (component) lines = lines.slice(lines.indexOf(`BEGIN:${component}`), lines.indexOf(`END:${component}`))
  const line = lines.find(l => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
  return line?.slice(name.length)
}
