import { expect } from 'chai'
import { ConfigError, loadConfig } from '../../server/config'

describe('config', () => {
  it('runs in development with nothing set', () => {
    const config = loadConfig({})
    expect(config.port).to.equal(3000)
    expect(config.baseUrl).to.equal('http://localhost:3000')
    expect(config.mongodbUri).to.equal(undefined)
    expect(config.passwordHashCost).to.equal(17)
  })

  it('refuses to start in production without BASE_URL, MONGODB_URI and SESSION_SECRET, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.contains('BASE_URL: is required in production')
      .and.contains('MONGODB_URI: is required in production')
      .and.contains('SESSION_SECRET: is required in production')
  })

  it('refuses weak or malformed production settings', () => {
    const base = { NODE_ENV: 'production', BASE_URL: 'https://tandem.example.nhs.uk', MONGODB_URI: 'mongodb://db/tandem' }
    expect(() => loadConfig({ ...base, SESSION_SECRET: 'short' })).to.throw(/SESSION_SECRET: must be at least 32/)
    expect(() => loadConfig({ ...base, SESSION_SECRET: 'x'.repeat(40), PASSWORD_HASH_COST: '14' })).to.throw(/PASSWORD_HASH_COST/)
    expect(() => loadConfig({ ...base, SESSION_SECRET: 'x'.repeat(40), SMTP_URL: 'http://mail' })).to.throw(/SMTP_URL/)
    const ok = loadConfig({ ...base, SESSION_SECRET: 'x'.repeat(40), SMTP_URL: 'smtps://user:pass@mail.example.nhs.uk' })
    expect(ok.production).to.equal(true)
  })

  it('treats empty variables as unset and drops a trailing slash from BASE_URL', () => {
    const config = loadConfig({ MONGODB_URI: '', BASE_URL: 'https://tandem.example.nhs.uk/' })
    expect(config.mongodbUri).to.equal(undefined)
    expect(config.baseUrl).to.equal('https://tandem.example.nhs.uk')
  })
})
