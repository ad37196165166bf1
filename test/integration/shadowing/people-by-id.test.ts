// peopleById looks a few people up one by one and many in one query: either
// way the same people come back, once each, and unknown ids are left out.
import { expect } from 'chai'
import { Types } from 'mongoose'
import { User } from '../../../models/user'
import { peopleById } from '../../../server/shadowing/session-access'
import { insertUser } from '../../support/users'

describe('peopleById', () => {
  it('finds the same people from a short list and a long one, each once, leaving out unknown ids', async () => {
    const people = await Promise.all(Array.from({ length: 22 }, (_, i) => insertUser({ name: `Person ${String(i).padStart(2, '0')}` })))
    const unknown = new Types.ObjectId()
    const [dara, mina] = people

    const few = await peopleById([dara!._id, mina!._id, unknown, dara!._id])
    const many = await peopleById([...people.map(p => p._id), unknown, mina!._id])

    expect([...few.keys()]).to.have.members([String(dara!._id), String(mina!._id)])
    expect([...many.keys()]).to.have.members(people.map(p => String(p._id)))
    for (const [id, person] of few) expect(person, id).to.deep.equal(many.get(id))
    expect(few.get(String(dara!._id))).to.deep.equal({ id: String(dara!._id), _id: dara!._id, name: dara!.name, email: dara!.email })
    expect((await peopleById([])).size).to.equal(0)
  })

  it('takes people the page already looked up from what it knows, and looks up only the rest', async () => {
    const [dara, mina] = await Promise.all([insertUser({ name: 'Dara Okafor' }), insertUser({ name: 'Mina Shah' })])
    const known = await peopleById([dara._id])
    await User.updateOne({ _id: dara._id }, { $set: { name: 'Dara Okafor-Reid' } })
    const people = await peopleById([dara._id, mina._id], known)
    expect([...people.values()].map(p => p.name)).to.have.members(['Dara Okafor', 'Mina Shah'])
  })
})
