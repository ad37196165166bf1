import { expect } from 'chai'
import { DateTime } from 'luxon'
import {
  clockLabel,
  describeMeetingTimes,
  readMeeting,
  readMeetingTimes,
  recurringMeetingsOf,
} from '../../../server/scheduling/meeting-times'
import { findSlots } from '../../../server/scheduling/slot-finder'
import type { Weekday } from '../../../server/scheduling/availability-windows'

const WORKING_WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
const weekly = (weekdays: Weekday[], start: string, durationMinutes = 60) => ({
  weekdays,
  start,
  durationMinutes,
})

describe('reading when a meeting happens', () => {
  it('takes "daily" and "weekdays" as Monday to Friday, an hour long unless told', () => {
    expect(readMeetingTimes('08:30 daily')).to.deep.equal(weekly(WORKING_WEEK, '08:30'))
    expect(readMeetingTimes('daily 8.30am')).to.deep.equal(weekly(WORKING_WEEK, '08:30'))
    expect(readMeetingTimes('Weekdays 08:30')).to.deep.equal(weekly(WORKING_WEEK, '08:30'))
    expect(readMeetingTimes('every day at 8am')).to.deep.equal(weekly(WORKING_WEEK, '08:00'))
    expect(readMeetingTimes('Mon-Fri 0830')).to.deep.equal(weekly(WORKING_WEEK, '08:30'))
    expect(readMeetingTimes('Monday to Friday, 08:30')).to.deep.equal(weekly(WORKING_WEEK, '08:30'))
  })

  it('reads the weekend only when it is said', () => {
    expect(readMeetingTimes('daily including weekends 08:30')?.weekdays).to.have.length(7)
    expect(readMeetingTimes('7 days a week, 8am')?.weekdays).to.have.length(7)
    expect(readMeetingTimes('Weekends 10am')).to.deep.equal(weekly(['sat', 'sun'], '10:00'))
    expect(readMeetingTimes('daily except Wednesday, 8.30')).to.deep.equal(
      weekly(['mon', 'tue', 'thu', 'fri'], '08:30'),
    )
  })

  it('reads one day or several, however they are written', () => {
    expect(readMeetingTimes('Monday 09:30')).to.deep.equal(weekly(['mon'], '09:30'))
    expect(readMeetingTimes('Mondays 9:30am')).to.deep.equal(weekly(['mon'], '09:30'))
    expect(readMeetingTimes('every Thurs at 9.30 a.m.')).to.deep.equal(weekly(['thu'], '09:30'))
    expect(readMeetingTimes('Mon & Thu 14:00')).to.deep.equal(weekly(['mon', 'thu'], '14:00'))
    expect(readMeetingTimes('Tuesday and Thursday, 2pm')).to.deep.equal(weekly(['tue', 'thu'], '14:00'))
    expect(readMeetingTimes('Tues/Weds 1pm')).to.deep.equal(weekly(['tue', 'wed'], '13:00'))
    // The same time twice is still one time.
    expect(readMeetingTimes('Monday 9am, Friday 9am')).to.deep.equal(weekly(['mon', 'fri'], '09:00'))
  })

  it('reads 24-hour and am/pm times, with "." or ":"', () => {
    const startOf = (when: string) => readMeetingTimes(`Wednesday ${when}`)?.start
    expect(startOf('14:00')).to.equal('14:00')
    expect(startOf('14.15')).to.equal('14:15')
    expect(startOf('1400hrs')).to.equal('14:00')
    expect(startOf('0745')).to.equal('07:45')
    expect(startOf('2pm')).to.equal('14:00')
    expect(startOf('2.45 pm')).to.equal('14:45')
    expect(startOf('12pm')).to.equal('12:00')
    expect(startOf('noon')).to.equal('12:00')
    expect(startOf('12 midday')).to.equal('12:00')
    expect(startOf('12am')).to.equal('00:00')
    expect(startOf('11:45am')).to.equal('11:45')
    // No meeting is at 2:30 in the morning: a one-digit hour up to 5 without am or pm is the afternoon.
    expect(startOf('2.30')).to.equal('14:30')
    expect(startOf('02:30')).to.equal('02:30')
    expect(startOf('7:30')).to.equal('07:30')
  })

  it('takes the length from a range of times', () => {
    expect(readMeetingTimes('Wed 14:00-15:30')).to.deep.equal(weekly(['wed'], '14:00', 90))
    expect(readMeetingTimes('Wednesday 2pm–3.30pm')).to.deep.equal(weekly(['wed'], '14:00', 90))
    expect(readMeetingTimes('Thursday 14:00 to 15:30')).to.deep.equal(weekly(['thu'], '14:00', 90))
    expect(readMeetingTimes('Mon 0830-0915')).to.deep.equal(weekly(['mon'], '08:30', 45))
    // One am or pm covers both ends, whichever way makes the meeting end after it starts.
    expect(readMeetingTimes('Tue 2-3pm')).to.deep.equal(weekly(['tue'], '14:00', 60))
    expect(readMeetingTimes('Tue 9 to 10.30am')).to.deep.equal(weekly(['tue'], '09:00', 90))
    expect(readMeetingTimes('Tue 11-12.30pm')).to.deep.equal(weekly(['tue'], '11:00', 90))
    // The examples in the profile form's hint.
    expect(readMeetingTimes('Mon & Thu 2pm to 3:30pm')).to.deep.equal(weekly(['mon', 'thu'], '14:00', 90))
    expect(readMeetingTimes('Tue 11:00-1:00')).to.deep.equal(weekly(['tue'], '11:00', 120))
    // A night meeting may cross midnight, up to 12 hours.
    expect(readMeetingTimes('Sat 21:00-01:00')).to.deep.equal(weekly(['sat'], '21:00', 240))
  })

  it('takes a stated length', () => {
    const lengthOf = (when: string) => readMeetingTimes(when)?.durationMinutes
    expect(lengthOf('Fri 10:00 (90 min)')).to.equal(90)
    expect(lengthOf('Fri 10:00, 1 hour')).to.equal(60)
    expect(lengthOf('Fri 10am for 2 hours')).to.equal(120)
    expect(lengthOf('Fri 10am for 1.5 hrs')).to.equal(90)
    expect(lengthOf('Fri 10am for 1h30')).to.equal(90)
    expect(lengthOf('Fri 10am, 1 hr 15 mins')).to.equal(75)
    expect(lengthOf('Fri 10am for half an hour')).to.equal(30)
    expect(lengthOf('Fri 10am for an hour and a half')).to.equal(90)
    expect(lengthOf('Fri 10am for 45 minutes')).to.equal(45)
    expect(lengthOf('Fri 10am')).to.equal(60)
  })

  it('leaves meetings that are not weekly to be chosen with a typed time', () => {
    for (const when of [
      'first Tuesday of the month',
      'first Tuesday of the month, 14:00',
      'last Friday 3pm',
      '1st and 3rd Wednesday, 2pm',
      'monthly',
      'monthly, Thursday 10:00',
      'every other Friday 9am',
      'alternate Mondays 10:00',
      'every 2 weeks on Tuesday 2pm',
      'fortnightly, Wednesday 13:00',
      'bi-weekly Thursday 11:00',
      'quarterly',
      'ad hoc',
      'as needed',
    ]) {
      expect(readMeeting(when), when).to.deep.equal({ kind: 'not-weekly' })
      expect(readMeetingTimes(when), when).to.equal(undefined)
    }
  })

  it('says what is missing when there is no day, no time, or more than one time', () => {
    expect(readMeeting('14:00 to 15:30')).to.deep.equal({ kind: 'unclear', missing: 'day' })
    expect(readMeeting('weekly')).to.deep.equal({ kind: 'unclear', missing: 'day' })
    expect(readMeeting('Monday mornings')).to.deep.equal({ kind: 'unclear', missing: 'time' })
    expect(readMeeting('Tuesday, room 3')).to.deep.equal({ kind: 'unclear', missing: 'time' })
    expect(readMeeting('Mon 9:00, Thu 14:00')).to.deep.equal({ kind: 'unclear', missing: 'one-time' })
    expect(readMeetingTimes('Mon 9:00, Thu 14:00')).to.equal(undefined)
  })

  it('refuses impossible times and lengths', () => {
    const problemOf = (when: string) => {
      const reading = readMeeting(when)
      return reading.kind === 'mistake' ? reading.problem : reading.kind
    }
    expect(problemOf('Monday 25:00')).to.equal(
      '25:00 is not a time of day: write times like 09:30, 14:00 or 2pm',
    )
    expect(problemOf('Monday 24:00')).to.equal(
      '24:00 is not a time of day: write times like 09:30, 14:00 or 2pm',
    )
    expect(problemOf('Mon 9.75')).to.equal('9.75 is not a time of day: write times like 09:30, 14:00 or 2pm')
    expect(problemOf('Tue 13pm')).to.equal('13pm is not a time of day: write times like 09:30, 14:00 or 2pm')
    expect(problemOf('Tue 0am')).to.equal('0am is not a time of day: write times like 09:30, 14:00 or 2pm')
    expect(problemOf('Wed 14:00-25:00')).to.equal(
      '25:00 is not a time of day: write times like 09:30, 14:00 or 2pm',
    )
    expect(problemOf('Wed 15:30-14:00')).to.equal('15:30 to 14:00 ends before it starts')
    expect(problemOf('Wed 14:00-14:00')).to.equal('14:00 to 14:00 ends before it starts')
    expect(problemOf('Thu 10am (0 min)')).to.equal(
      '0 min is not a length Tandem can offer: give between 1 minute and 12 hours',
    )
    expect(problemOf('Thu 10am for 15 hours')).to.equal(
      '15 hours is not a length Tandem can offer: give between 1 minute and 12 hours',
    )
    // Numbers that are not times are not mistakes: a year, a room, a count.
    expect(problemOf('Mondays 9am from Jan 2026')).to.equal('weekly')
    expect(problemOf('Mondays 9am, room 830')).to.equal('weekly')
  })

  it('says back what it read, in NHS style', () => {
    expect(describeMeetingTimes(weekly(WORKING_WEEK, '08:30'))).to.equal(
      'Monday to Friday at 8:30am for 1 hour',
    )
    expect(describeMeetingTimes(weekly(['mon'], '09:30', 30))).to.equal(
      'every Monday at 9:30am for 30 minutes',
    )
    expect(describeMeetingTimes(weekly(['mon', 'thu'], '14:00', 90))).to.equal(
      'every Monday and Thursday at 2pm for 1 hour 30 minutes',
    )
    expect(describeMeetingTimes(weekly(['mon', 'tue', 'wed', 'fri'], '12:00', 120))).to.equal(
      'every Monday to Wednesday and Friday at midday for 2 hours',
    )
    expect(describeMeetingTimes(weekly(['mon', 'wed', 'fri'], '07:45', 61))).to.equal(
      'every Monday, Wednesday and Friday at 7:45am for 1 hour 1 minute',
    )
    expect(describeMeetingTimes(weekly(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '08:00'))).to.equal(
      'every day at 8am for 1 hour',
    )
    expect([
      clockLabel('00:00'),
      clockLabel('00:30'),
      clockLabel('12:05'),
      clockLabel('23:59'),
    ]).to.deep.equal(['midnight', '12:30am', '12:05pm', '11:59pm'])
  })
})

describe('a profile’s meetings for the slot finder', () => {
  const meetings = [
    { title: 'Bed meeting', when: '08:30 daily', location: 'Site office' },
    { title: 'Directorate board', when: 'first Tuesday of the month, 14:00', location: 'Boardroom' },
    { title: 'Complaints panel', when: 'Mon & Thu 2pm–3.30pm', location: '' },
    { title: 'Huddle', when: 'mornings', location: '' },
  ]

  it('gives one recurring meeting a week for each weekday of each weekly meeting, named by its title', () => {
    const bed = (weekday: Weekday) => ({ name: 'Bed meeting', weekday, start: '08:30', durationMinutes: 60 })
    const panel = (weekday: Weekday) => ({
      name: 'Complaints panel',
      weekday,
      start: '14:00',
      durationMinutes: 90,
    })
    expect(recurringMeetingsOf(meetings)).to.deep.equal([
      bed('mon'),
      bed('tue'),
      bed('wed'),
      bed('thu'),
      bed('fri'),
      panel('mon'),
      panel('thu'),
    ])
    expect(recurringMeetingsOf([])).to.deep.equal([])
  })

  it('has them offered first at their real London times, on both sides of the clock change', () => {
    // Friday 20 March 2026, 9am: the first bookable day is Sunday 22nd; the clocks go forward on the 29th.
    const now = DateTime.fromISO('2026-03-20T09:00', { zone: 'Europe/London' }).toJSDate()
    const slots = findSlots({
      now,
      durationMinutes: 60,
      host: { availability: [], unavailable: [], meetings: recurringMeetingsOf(meetings) },
      guest: { availability: ['mon-pm', 'thu-pm'], unavailable: [] },
      busy: [],
      horizonWeeks: 2,
    })
    expect(
      slots.filter(s => s.kind === 'meeting').map(s => [s.meetingName, s.label, s.start.toISOString()]),
    ).to.deep.equal([
      ['Complaints panel', 'Monday 23 March 2026, 2pm to 3:30pm', '2026-03-23T14:00:00.000Z'],
      ['Complaints panel', 'Thursday 26 March 2026, 2pm to 3:30pm', '2026-03-26T14:00:00.000Z'],
      ['Complaints panel', 'Monday 30 March 2026, 2pm to 3:30pm', '2026-03-30T13:00:00.000Z'],
      ['Complaints panel', 'Thursday 2 April 2026, 2pm to 3:30pm', '2026-04-02T13:00:00.000Z'],
    ])
  })
})
