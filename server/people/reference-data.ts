// Built-in lists for profiles. Specialties follow the GMC's specialist register
// (with the main sub-specialties trusts pair on), grouped as the royal colleges do.

export type SpecialtyGroup = 'Medicine' | 'Surgery' | 'Acute and critical care' | 'Women and children' | 'Mental health' | 'Diagnostics' | 'Primary and community care' | 'Public health'

export const SPECIALTIES: { name: string; group: SpecialtyGroup }[] = [
  // Medicine
  ...[
    'Acute internal medicine',
    'Allergy',
    'Audiovestibular medicine',
    'Cardiology',
    'Clinical genetics',
    'Clinical neurophysiology',
    'Clinical oncology',
    'Clinical pharmacology and therapeutics',
    'Dermatology',
    'Endocrinology and diabetes mellitus',
    'Gastroenterology',
    'General internal medicine',
    'Genitourinary medicine',
    'Geriatric medicine',
    'Haematology',
    'Immunology',
    'Infectious diseases',
    'Medical oncology',
    'Nephrology',
    'Neurology',
    'Palliative medicine',
    'Rehabilitation medicine',
    'Respiratory medicine',
    'Rheumatology',
    'Sport and exercise medicine',
    'Stroke medicine',
    'Tropical medicine',
  ].map(name => ({ name, group: 'Medicine' as const })),
  // Surgery
  ...[
    'Cardiothoracic surgery',
    'General surgery',
    'Neurosurgery',
    'Ophthalmology',
    'Oral and maxillofacial surgery',
    'Otolaryngology (ENT)',
    'Paediatric surgery',
    'Plastic surgery',
    'Trauma and orthopaedic surgery',
    'Urology',
    'Vascular surgery',
  ].map(name => ({ name, group: 'Surgery' as const })),
  ...['Anaesthetics', 'Emergency medicine', 'Intensive care medicine', 'Pre-hospital emergency medicine'].map(name => ({
    name,
    group: 'Acute and critical care' as const,
  })),
  ...['Obstetrics and gynaecology', 'Paediatrics', 'Neonatology', 'Paediatric cardiology', 'Community sexual and reproductive health'].map(
    name => ({ name, group: 'Women and children' as const }),
  ),
  ...[
    'General psychiatry',
    'Child and adolescent psychiatry',
    'Forensic psychiatry',
    'Medical psychotherapy',
    'Old age psychiatry',
    'Psychiatry of learning disability',
  ].map(name => ({ name, group: 'Mental health' as const })),
  ...[
    'Chemical pathology',
    'Clinical radiology',
    'Diagnostic neuropathology',
    'Forensic histopathology',
    'Histopathology',
    'Interventional radiology',
    'Medical microbiology',
    'Medical virology',
    'Nuclear medicine',
    'Paediatric and perinatal pathology',
  ].map(name => ({ name, group: 'Diagnostics' as const })),
  ...['General practice', 'Occupational medicine'].map(name => ({ name, group: 'Primary and community care' as const })),
  ...['Public health medicine'].map(name => ({ name, group: 'Public health' as const })),
]

export const SPECIALTY_GROUPS = [...new Set(SPECIALTIES.map(s => s.group))]

const specialtyByLowerName = new Map(SPECIALTIES.map(s => [s.name.toLowerCase(), s]))

/** The specialty with this name, ignoring case and surrounding space. */
export function findSpecialty(name: string) {
  return specialtyByLowerName.get(name.trim().toLowerCase())
}

export const DOCTOR_GRADES = [
  'FY1',
  'FY2',
  'CT1',
  'CT2',
  'CT3',
  'IMT1',
  'IMT2',
  'IMT3',
  'ST1',
  'ST2',
  'ST3',
  'ST4',
  'ST5',
  'ST6',
  'ST7',
  'ST8',
  'Specialty doctor / SAS',
  'Locally employed doctor',
] as const

export const MANAGER_BANDS = ['6', '7', '8a', '8b', '8c', '8d', '9', 'VSM'] as const

export const QI_THEMES = [
  'Patient flow',
  'Discharge',
  'Patient safety',
  'Outpatients',
  'Theatres',
  'Digital',
  'Workforce',
  'Sustainability',
  'Health inequalities',
  'Patient experience',
  'Elective recovery',
  'Urgent and emergency care',
  'Medicines safety',
  'Staff wellbeing',
  'Value and productivity',
] as const

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const WEEKDAY_NAMES: Record<(typeof WEEKDAYS)[number], string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}
export const DAY_PARTS = ['am', 'pm', 'eve'] as const
export const DAY_PART_NAMES: Record<(typeof DAY_PARTS)[number], string> = { am: 'Morning', pm: 'Afternoon', eve: 'Evening' }

/** Every half-day slot as "mon-am", "mon-pm", … "sun-eve". */
export const AVAILABILITY_SLOTS = WEEKDAYS.flatMap(day => DAY_PARTS.map(part => `${day}-${part}`))
