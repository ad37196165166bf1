// A small cohort drawn by hand, for the network tests:
//
//   Ada (doctor) ── Dee (manager) ── Ben (doctor)      Cal (doctor) ── Eve (manager)
//   Fay (doctor, no partner)   Gus (manager, no partner)
//
// Shadowing completed: Ada → Dee twice and Dee → Ada once (both ways), Ben → Dee
// once, Eve → Cal once. Workshops attended: W1 Ada, Ben, Cal; W2 Ada, Ben; W3 Fay
// alone. Zed is not in the cohort: his session and workshop are left out.
import { buildNetwork } from '../../../server/boards/network-graph'

const person = (id: string, name: string, side: 'doctor' | 'manager') => ({ id, name, side })

export const HAND_DRAWN = {
  // Not in name order: the graph numbers people by name.
  people: [person('g', 'Gus', 'manager'), person('a', 'Ada', 'doctor'), person('d', 'Dee', 'manager'), person('b', 'Ben', 'doctor'), person('c', 'Cal', 'doctor'), person('e', 'Eve', 'manager'), person('f', 'Fay', 'doctor')],
  pairs: [
    { doctorId: 'a', managerId: 'd' },
    { doctorId: 'b', managerId: 'd' },
    { doctorId: 'c', managerId: 'e' },
    // The same pair twice, and a pair with someone who has left, count once and not at all.
    { doctorId: 'a', managerId: 'd' },
    { doctorId: 'z', managerId: 'e' },
  ],
  sessions: [
    { guestId: 'a', hostId: 'd' },
    { guestId: 'd', hostId: 'a' },
    { guestId: 'a', hostId: 'd' },
    { guestId: 'b', hostId: 'd' },
    { guestId: 'e', hostId: 'c' },
    { guestId: 'z', hostId: 'e' },
  ],
  attendance: [
    { workshopId: 'w1', userId: 'a' },
    { workshopId: 'w1', userId: 'b' },
    { workshopId: 'w1', userId: 'c' },
    { workshopId: 'w1', userId: 'z' },
    { workshopId: 'w2', userId: 'b' },
    { workshopId: 'w2', userId: 'a' },
    { workshopId: 'w3', userId: 'f' },
  ],
}

/** Indices by name order: Ada 0, Ben 1, Cal 2, Dee 3, Eve 4, Fay 5, Gus 6. */
export const [ADA, BEN, CAL, DEE, EVE, FAY, GUS] = [0, 1, 2, 3, 4, 5, 6]

export const handDrawnGraph = () => buildNetwork(HAND_DRAWN)
